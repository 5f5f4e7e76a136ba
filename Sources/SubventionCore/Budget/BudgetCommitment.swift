/// An engagement on a budget line: a convention (or one component of it), or one row of a programme's table,
/// with the crédits de paiement its échéancier plans and the payments made.
public struct BudgetCommitment: Hashable, Sendable {
    /// The financeur whose budget carries it.
    public var financeur: String
    public var imputation: Imputation
    /// The exercice of the engagement: the year of the first dated deliberation, or of the period's start.
    public var exercice: Int?
    /// The convention id, or `programme-id / structure` for a programme row.
    public var subject: String
    /// What it groups under in explanations: the operation of a programme row, the convention otherwise.
    public var group: String
    /// The numéros of the deliberations that decided it.
    public var deliberations: [String]
    /// The amount committed (montant conventionné, or the row's printed amount).
    public var amount: Money
    /// The échéances, with their dates when known; they sum to ``amount``.
    public var planned: [BudgetCredit]
    /// The payments made (CP mandatés).
    public var paid: [BudgetCredit]
    public var clause: Clause?

    public init(
        financeur: String, imputation: Imputation, exercice: Int?, subject: String, group: String,
        deliberations: [String], amount: Money, planned: [BudgetCredit], paid: [BudgetCredit], clause: Clause? = nil
    ) {
        self.financeur = financeur
        self.imputation = imputation
        self.exercice = exercice
        self.subject = subject
        self.group = group
        self.deliberations = deliberations
        self.amount = amount
        self.planned = planned
        self.paid = paid
        self.clause = clause
    }
}
