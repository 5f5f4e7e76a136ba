/// A ceiling with its inputs resolved to slots, ready for evaluation without lookups.
struct CompiledLimit: Sendable {
    enum Kind: Sendable {
        case amount(Money)
        case input(slot: Int, share: Rational)
        case prorata(realisedSlot: Int, objective: Rational, maximumRatio: Rational)
        /// A prorata against the quantity of the table row the model convention is applied to.
        case prorataOfRow(realisedSlot: Int, unit: QuantityUnit?, maximumRatio: Rational)
        case perUnit(price: Rational, slot: Int)
    }

    let kind: Kind
    let source: Limit
}
