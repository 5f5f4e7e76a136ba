/// A structure of a programme's table, evaluated: its computed amount against the printed one,
/// and its settlement when the row gives the realised figures.
public struct RowEvaluation: Hashable, Sendable {
    public var row: ProgrammeRow
    public var operationID: String
    /// Quantity × unit price, or the printed amount when the operation has no rate.
    public var computedAmount: Money
    /// Printed minus computed: zero when the document's row is right.
    public var difference: Money
    /// The settlement of the row, when the row gives every figure the model needs.
    public var settlement: Settlement?
}
