import SubventionCore

/// A bilan as read from a file: the convention it is for, and what happened.
public struct BilanFile: Hashable, Sendable {
    /// The id of the convention (or programme) the bilan is for.
    public var conventionID: String
    /// The structure of a programme's table the bilan is for, when it is for one.
    public var structure: String?
    /// The operation of that structure's row (table label or operation id), when the structure has several rows.
    public var operation: String?
    public var bilan: Bilan

    public init(conventionID: String, structure: String? = nil, operation: String? = nil, bilan: Bilan) {
        self.conventionID = conventionID
        self.structure = structure
        self.operation = operation
        self.bilan = bilan
    }
}
