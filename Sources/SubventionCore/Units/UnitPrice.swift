/// A price per unit, with sub-cent precision: `160 €/place`, `0,2049 €/abonné`, `60 000 €/ETP`.
public struct UnitPrice: Hashable, Sendable, CustomStringConvertible {
    /// Euros per unit, exact.
    public let euros: Rational
    public let unit: QuantityUnit

    public init(euros: Rational, per unit: QuantityUnit) {
        self.euros = euros
        self.unit = unit
    }

    /// The price of `quantity`, rounded once under `rounding`.
    /// - Throws: ``UnitMismatchError`` when the units differ (€/place × ETP), ``ArithmeticError`` on overflow.
    public func times(_ quantity: Quantity, rounding: RoundingPolicy) throws -> Money {
        guard quantity.unit == unit else { throw UnitMismatchError(expected: unit, found: quantity.unit) }
        return try Money(euros: euros.multiplied(by: quantity.value), rounding: rounding)
    }

    /// French form: `160 €/place`.
    public var description: String { "\(euros.french())\(Money.frenchSpace)€/\(unit.name)" }
}
