/// A figure given by a bilan or a table row for a declared input.
public enum InputValue: Hashable, Sendable, CustomStringConvertible {
    case money(Money)
    case quantity(Quantity)

    public var description: String {
        switch self {
        case .money(let amount): return amount.french
        case .quantity(let quantity): return quantity.description
        }
    }
}
