/// One structure of a programme's table: its operation, quantity and the amount the document prints.
public struct ProgrammeRow: Hashable, Sendable {
    /// The line of the table file (for diagnostics).
    public var line: Int
    /// The operation label as the table writes it.
    public var operation: String
    public var territory: String
    public var structure: String
    /// The quantity (places, accueils), when the table gives one.
    public var quantity: Rational?
    /// The amount the table prints for the structure.
    public var declaredAmount: Money
    /// Realised figures and costs given with the row, by input key of the model.
    public var values: [String: InputValue]
    /// Amounts per row for the model's parameters (the avance).
    public var parameters: [String: Money]
    /// The line of the source document the row was taken from, when the table records it.
    public var sourceLine: String?

    public init(
        line: Int, operation: String, territory: String, structure: String, quantity: Rational?,
        declaredAmount: Money, values: [String: InputValue] = [:], parameters: [String: Money] = [:]
    ) {
        self.line = line
        self.operation = operation
        self.territory = territory
        self.structure = structure
        self.quantity = quantity
        self.declaredAmount = declaredAmount
        self.values = values
        self.parameters = parameters
    }
}
