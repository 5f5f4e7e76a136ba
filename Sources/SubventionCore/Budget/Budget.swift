/// The budget lines of one financeur for one exercice (budget), each declared once with its AE.
///
/// The exercice budgétaire is the calendar year: an échéance dated 15/07/2024 is paid on the 2024 exercice.
public struct Budget: Hashable, Sendable {
    /// Who votes the budget (« Département du Nord »), as conventions name their financeur.
    public var financeur: String
    /// The exercice (année civile): `2023`.
    public var exercice: Int
    /// The source document the figures cite by default.
    public var document: String?
    public var deliberations: [Deliberation]
    public var lines: [BudgetLine]

    public init(
        financeur: String, exercice: Int, document: String? = nil, deliberations: [Deliberation] = [],
        lines: [BudgetLine]
    ) {
        self.financeur = financeur
        self.exercice = exercice
        self.document = document
        self.deliberations = deliberations
        self.lines = lines
    }
}
