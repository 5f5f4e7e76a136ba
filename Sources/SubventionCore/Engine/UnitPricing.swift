/// An operation's unit price (€/place) under its model's rounding, as plain integers: a batch holds it by value,
/// so pricing a row costs no reference counting.
///
/// ```swift
/// let pricing = UnitPricing(price: KernelValue(numerator: 160), rule: .halfAwayFromZero, unit: 1)
/// try pricing.amount(quantity: KernelValue(numerator: 130))   // 2 080 000 cents: 130 places × 160 €
/// ```
public struct UnitPricing: Sendable {
    /// The price in euros per unit of quantity.
    public let price: KernelValue
    public let rule: RoundingRule
    /// The rounding unit in cents.
    public let unit: Int64

    public init(price: KernelValue, rule: RoundingRule, unit: Int64) {
        self.price = price
        self.rule = rule
        self.unit = unit
    }

    /// Quantity × unit price in cents, rounded once.
    public func amount(quantity: KernelValue) throws(EngineError) -> Int64 {
        let (numerator, overflowNumerator) = price.numerator.multipliedReportingOverflow(by: quantity.numerator)
        let (denominator, overflowDenominator) = price.denominator.multipliedReportingOverflow(by: quantity.denominator)
        guard !overflowNumerator, !overflowDenominator else { throw .arithmetic(.overflow(operation: "prix × quantité")) }
        return try SettlementKernel.scale(100, numerator, denominator, rule, unit)
    }
}
