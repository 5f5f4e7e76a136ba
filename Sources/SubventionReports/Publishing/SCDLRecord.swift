import SubventionCore

/// One row of an SCDL « Subventions » file (one convention, or one beneficiary of a programme), or the reasons it
/// cannot be written.
public struct SCDLRecord: Sendable {
    /// Who the row is about, for messages: `fichier.yaml (id)` or `fichier.yaml, structure « … »`.
    public var subject: String
    /// The value of every column, by column; a missing optional value is "".
    public var values: [SCDLColumn: String]
    /// Required values that are missing or out of the schema's bounds, each with its column and the reason.
    public var problems: [(column: SCDLColumn, reason: String)]

    public var isComplete: Bool { problems.isEmpty }

    /// The 16 fields in the schema's order.
    public var fields: [String] { SCDLColumn.allCases.map { values[$0] ?? "" } }
}
