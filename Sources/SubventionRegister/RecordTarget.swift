/// What an entry is about: a convention, or one structure (and operation) of a programme (cible d'une écriture).
public struct RecordTarget: Hashable, Sendable, Comparable {
    public var convention: String
    public var structure: String?
    public var operation: String?

    public init(convention: String, structure: String? = nil, operation: String? = nil) {
        self.convention = convention
        self.structure = structure
        self.operation = operation
    }

    public init(_ entry: NewEntry) {
        self.init(convention: entry.convention, structure: entry.structure, operation: entry.operation)
    }

    /// `maine-et-loire-ccas-angers-2025`, `pas-de-calais-inclusion-durable-2023 / CC Osartis Marquion`.
    public var french: String {
        [convention, structure, operation].compactMap { $0 }.joined(separator: " / ")
    }

    public static func < (lhs: RecordTarget, rhs: RecordTarget) -> Bool {
        (lhs.convention, lhs.structure ?? "", lhs.operation ?? "") < (rhs.convention, rhs.structure ?? "", rhs.operation ?? "")
    }
}
