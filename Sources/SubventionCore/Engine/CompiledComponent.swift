/// A component with its conventional amount computed and its inputs resolved, ready for evaluation.
struct CompiledComponent: Sendable {
    enum Basis: Sendable {
        case fixed
        case unitRate
        case costShare(rate: Rational, costSlot: Int, costLimits: [CompiledLimit])
        case envelope(maximum: Money, deadline: DateRule?)
    }

    let component: Component
    let basis: Basis
    let limits: [CompiledLimit]
    let rounding: RoundingPolicy
    /// The amount the convention funds for this component before any settlement.
    let conventional: Money
}
