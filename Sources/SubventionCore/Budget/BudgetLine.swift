/// One line of a budget table (ligne budgétaire): an imputation, its autorisation d'engagement (AE) for the
/// exercice, and the figures the deliberation prints next to it.
public struct BudgetLine: Hashable, Sendable {
    public var imputation: Imputation
    /// The autorisation d'engagement voted (« AE € »).
    public var commitmentAuthority: WrittenFigure
    /// The « Disponible » column, when the document prints it: the AE not yet committed before this deliberation.
    public var printedAvailable: WrittenFigure?
    /// The « Proposition » or « Dépenses » column: what this deliberation commits on the line.
    public var printedProposal: WrittenFigure?
    /// The « Solde » column, when printed: AE (or disponible) minus the proposition.
    public var printedBalance: WrittenFigure?
    /// The numéro of the deliberation whose conventions make up the proposition (`2023-216`).
    public var deliberation: String?
    public var clause: Clause?

    public init(
        imputation: Imputation, commitmentAuthority: WrittenFigure, printedAvailable: WrittenFigure? = nil,
        printedProposal: WrittenFigure? = nil, printedBalance: WrittenFigure? = nil, deliberation: String? = nil,
        clause: Clause? = nil
    ) {
        self.imputation = imputation
        self.commitmentAuthority = commitmentAuthority
        self.printedAvailable = printedAvailable
        self.printedProposal = printedProposal
        self.printedBalance = printedBalance
        self.deliberation = deliberation
        self.clause = clause
    }
}
