/// Something `check` found in a convention or in its document: an arithmetic error of the document,
/// a ceiling that never binds, an ambiguity recorded by the file… always citing the clause.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// A stable machine code (`ecart-montant-ecrit`, `total-inatteignable`…).
    public var code: String
    /// What was found, in French, with the figures.
    public var message: String
    /// The convention, programme, component or row it concerns.
    public var subject: String
    public var clause: Clause?
    /// Where the figures it compares are written in the file (`file:line:column`), first the one it is located at.
    public var positions: [SourcePosition]

    public init(
        severity: Severity, code: String, message: String, subject: String, clause: Clause? = nil,
        positions: [SourcePosition] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.subject = subject
        self.clause = clause
        self.positions = positions
    }

    public var description: String {
        let citation = clause.map { " [\($0)]" } ?? ""
        return "\(severity.frenchLabel) \(code) (\(subject)) : \(message)\(citation)"
    }
}
