/// The figures of a settlement without its trace, components or obligations: what batches need, computed
/// without building explanations.
public struct SettlementFigures: Hashable, Sendable {
    /// The dotation due.
    public var due: Money
    /// What was paid.
    public var paid: Money
    /// The solde to pay, the reversement to claim, or nothing.
    public var outcome: SettlementOutcome

    public init(due: Money, paid: Money, outcome: SettlementOutcome) {
        self.due = due
        self.paid = paid
        self.outcome = outcome
    }
}
