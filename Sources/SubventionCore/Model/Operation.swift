/// One operation of a programme (appel à projets): a model convention applied to many structures at one rate.
public struct Operation: Hashable, Sendable {
    /// How a structure's amount is set in this operation.
    public enum Pricing: Hashable, Sendable {
        /// Quantity × price (« 160 € par place »); the table's amount must match.
        case unitRate(UnitPrice)
        /// An amount per structure, with no rate (« dynamisation de parcours »): the table's amount stands.
        case amountPerRow(unit: QuantityUnit?)
    }

    public var id: String
    public var label: String
    /// The labels the structures table uses for this operation (verbatim, typos included).
    public var tableLabels: [String]
    public var pricing: Pricing
    /// The model convention applied to each structure (key of ``Programme/models``).
    public var model: String
    /// The operation total as the document prints it.
    public var declaredTotal: WrittenFigure?
    /// The quantity total as the document prints it (« 10 706 places »).
    public var declaredQuantity: Quantity?
    public var declaredQuantityClause: Clause?
    /// The number of structures the document announces.
    public var declaredStructures: Int?
    /// Budget line (imputation) the operation is charged to.
    public var budgetLine: String?
    public var clause: Clause?

    public init(
        id: String, label: String, tableLabels: [String], pricing: Pricing, model: String,
        declaredTotal: WrittenFigure? = nil, declaredQuantity: Quantity? = nil, declaredQuantityClause: Clause? = nil,
        declaredStructures: Int? = nil, budgetLine: String? = nil, clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.tableLabels = tableLabels
        self.pricing = pricing
        self.model = model
        self.declaredTotal = declaredTotal
        self.declaredQuantity = declaredQuantity
        self.declaredQuantityClause = declaredQuantityClause
        self.declaredStructures = declaredStructures
        self.budgetLine = budgetLine
        self.clause = clause
    }
}
