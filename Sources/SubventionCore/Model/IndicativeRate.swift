/// A unit price the document gives as an indication next to an amount and a range of volumes
/// (« rémunération indicative de 360 € par accompagnement », « entre 95 et 120 »): checked, never applied.
public struct IndicativeRate: Hashable, Sendable {
    public var price: UnitPrice
    public var minimum: Quantity
    public var maximum: Quantity
    public var clause: Clause?

    public init(price: UnitPrice, minimum: Quantity, maximum: Quantity, clause: Clause? = nil) {
        self.price = price
        self.minimum = minimum
        self.maximum = maximum
        self.clause = clause
    }
}
