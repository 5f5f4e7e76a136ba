/// An ambiguity or inconsistency of the document that the convention file records with the reading it chose;
/// `check` reports it so that nobody relies on the file without knowing.
public struct DocumentNote: Hashable, Sendable {
    public var severity: Severity
    /// What the document says, and where it contradicts itself.
    public var message: String
    /// The reading the convention file applies.
    public var reading: String?
    public var clause: Clause?

    public init(severity: Severity, message: String, reading: String? = nil, clause: Clause? = nil) {
        self.severity = severity
        self.message = message
        self.reading = reading
        self.clause = clause
    }
}
