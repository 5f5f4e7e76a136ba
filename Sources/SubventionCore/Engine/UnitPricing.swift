/// An operation's unit price (€/place) under its model's rounding, as plain integers: a batch holds it by value,
/// so pricing a row costs no reference counting.
///
/// ```swift
/// let pricing = UnitPricing(price: KernelValue(numerator: 160), rule: .halfAwayFromZero, unit: 1)
/// try pricing.amount(quantity: KernelValue(numerator: 130))   // 2 080 000 cents: 130 places × 160 €
/// ```
package struct UnitPricing: Sendable, BitwiseCopyable {
    /// The price in euros per unit of quantity.
    package let price: KernelValue
    package let rule: RoundingRule
    /// The rounding unit in cents.
    package let unit: Int64

    package init(price: KernelValue, rule: RoundingRule, unit: Int64) {
        self.price = price
        self.rule = rule
        self.unit = unit
    }

    /// Quantity × unit price in cents, rounded once.
    package func amount(quantity: KernelValue) throws(EngineError) -> Int64 {
        let (numerator, overflowNumerator) = price.numerator.multipliedReportingOverflow(by: quantity.numerator)
        let (denominator, overflowDenominator) = price.denominator.multipliedReportingOverflow(by: quantity.denominator)
        guard !overflowNumerator, !overflowDenominator else {
            return try SettlementKernel.wideScale(
                100, Int128(price.numerator) * Int128(quantity.numerator), Int128(price.denominator) * Int128(quantity.denominator),
                rule, unit)
        }
        return try SettlementKernel.scale(100, numerator, denominator, rule, unit)
    }
}
