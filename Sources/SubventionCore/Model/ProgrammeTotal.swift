/// A total a programme's document prints, over some of its operations (« Thématique 1 : 5 221 877,72 € »).
public struct ProgrammeTotal: Hashable, Sendable {
    public var label: String
    public var amount: WrittenFigure
    /// The ids of the operations it sums; empty for all of them.
    public var operations: [String]

    public init(label: String, amount: WrittenFigure, operations: [String] = []) {
        self.label = label
        self.amount = amount
        self.operations = operations
    }
}
