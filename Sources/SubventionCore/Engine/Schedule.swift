/// The échéancier of a convention: each installment to the cent; they sum exactly to the total.
public struct Schedule: Hashable, Sendable {
    public var conventionID: String
    /// The montant conventionné the installments split.
    public var total: Money
    public var installments: [ScheduledInstallment]
    /// The steps that produced the amounts, with their clauses.
    public var trace: [TraceStep]

    /// The sum of the installments.
    public func sum() throws -> Money { try installments.map(\.amount).sum() }
}
