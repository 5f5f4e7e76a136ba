/// One payment of the échéancier: acompte, avance, second versement or solde.
public struct Installment: Hashable, Sendable {
    public var id: String
    public var label: String
    public var amount: InstallmentAmount
    /// Events that must all have happened for the installment to be payable.
    public var triggers: [TriggerEvent]
    /// When it is due, or the deadline of what triggers it, when the document says.
    public var due: DateRule?
    /// `true` when the document states it as already paid (« déjà versé »).
    public var alreadyPaid: Bool
    /// `true` for the solde: its final amount comes from the settlement, not from the schedule.
    public var isSettlement: Bool
    /// The amount the document writes for it, checked against the computation.
    public var writtenAmount: WrittenFigure?
    /// The percentage the document writes next to it (« le solde de 18,80 % »), checked against the amount.
    public var writtenShare: Rational?
    public var clause: Clause?
    /// In a co-financed convention, the financeur (``Cofinancer/id``) that funds it.
    public var financeur: String? = nil

    public init(
        id: String, label: String, amount: InstallmentAmount, triggers: [TriggerEvent], due: DateRule? = nil,
        alreadyPaid: Bool = false, isSettlement: Bool = false, writtenAmount: WrittenFigure? = nil,
        writtenShare: Rational? = nil, clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.amount = amount
        self.triggers = triggers
        self.due = due
        self.alreadyPaid = alreadyPaid
        self.isSettlement = isSettlement
        self.writtenAmount = writtenAmount
        self.writtenShare = writtenShare
        self.clause = clause
    }
}
