/// The settlement of a convention after its bilan: dotation due per component with every ceiling applied,
/// then the solde to pay or the reversement to claim, and the obligations at the date.
public struct Settlement: Hashable, Sendable {
    public var conventionID: String
    /// The montant conventionné.
    public var total: Money
    public var components: [ComponentSettlement]
    /// The sum of the components' amounts due.
    public var componentsSum: Money
    /// The ceiling on the total that bound, when one did.
    public var bindingTotalLimit: Limit?
    /// The majoration decided and accepted.
    public var majoration: Money
    /// The dotation due.
    public var due: Money
    /// What was already paid (payments of the bilan and installments stated as paid).
    public var paid: Money
    /// `due − paid`.
    public var balance: Money
    public var outcome: SettlementOutcome
    /// The part of a positive balance above the solde ceiling: owed by the computation but not payable.
    public var notPayable: Money
    /// Whether the solde can be paid now (exigible) or waits for an event (the bilan): nil when the convention
    /// has no solde installment.
    public var soldePayability: Payability?
    public var obligations: [ObligationStatus]
    public var trace: [TraceStep]
    /// Mise en demeure, résiliation, suspension at the date, when the convention has such clauses; a résiliation
    /// that has an effective date replaces the due, the solde and the reversement above.
    public var lifecycle: LifecycleStatus? = nil
}
