/// A counted quantity with its unit: `130 places`, `1,5 ETP`, `84 934 abonnés`.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public let value: Rational
    public let unit: QuantityUnit

    public init(_ value: Rational, _ unit: QuantityUnit) {
        self.value = value
        self.unit = unit
    }

    /// French form: `130 places`, `1,5 ETP`.
    public var description: String { "\(value.french())\(Money.frenchSpace)\(unit.name(forCount: value))" }
}
