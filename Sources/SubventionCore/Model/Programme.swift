/// A programme (appel à projets): operations, each applying a model convention to the structures of a table.
///
/// Each row of the structures table becomes a ``Convention`` through ``Programme/convention(for:defaultAvance:)``:
/// the model's terms with one component priced by the row's operation.
public struct Programme: Hashable, Sendable {
    public var id: String
    public var title: String
    public var financeur: String
    public var document: String?
    public var deliberations: [Deliberation]
    public var period: Period?
    /// Model conventions by key (`annexe-4`, `annexe-5`).
    public var models: [String: ConventionModel]
    public var operations: [Operation]
    /// Totals as the document prints them, each over some operations.
    public var declaredTotals: [ProgrammeTotal]
    public var notes: [DocumentNote]
    /// The essential data for open-data publication, shared by every structure, and each structure's identifiers.
    public var publication = Publication()

    public init(
        id: String, title: String, financeur: String, document: String? = nil, deliberations: [Deliberation] = [],
        period: Period? = nil, models: [String: ConventionModel], operations: [Operation],
        declaredTotals: [ProgrammeTotal] = [], notes: [DocumentNote] = []
    ) {
        self.id = id
        self.title = title
        self.financeur = financeur
        self.document = document
        self.deliberations = deliberations
        self.period = period
        self.models = models
        self.operations = operations
        self.declaredTotals = declaredTotals
        self.notes = notes
    }

    /// The operation a table label belongs to.
    public func operation(forTableLabel label: String) -> Operation? {
        operations.first { $0.tableLabels.contains(label) || $0.label == label || $0.id == label }
    }
}
