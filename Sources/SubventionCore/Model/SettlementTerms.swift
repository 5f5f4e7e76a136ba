/// How the final amount becomes a payment: ceilings on the total and on the solde, and what an overpayment becomes.
public struct SettlementTerms: Hashable, Sendable {
    /// Ceilings on the sum of the components (« 925 400 € maximum », « n'excède pas le coût de l'action »).
    public var totalLimits: [Limit]
    /// Ceiling on the solde (« le solde de 18,80 %, plafonné à 174 000 € »).
    public var soldeLimit: WrittenFigure?
    /// The clause that makes an overpayment a reversement (titre de recettes).
    public var reversementClause: Clause?
    /// How the document names the claim (« titre de recettes », « reversement », « remboursement à l'État »).
    public var reversementLabel: String

    public init(
        totalLimits: [Limit] = [], soldeLimit: WrittenFigure? = nil, reversementClause: Clause? = nil,
        reversementLabel: String = "reversement"
    ) {
        self.totalLimits = totalLimits
        self.soldeLimit = soldeLimit
        self.reversementClause = reversementClause
        self.reversementLabel = reversementLabel
    }
}
