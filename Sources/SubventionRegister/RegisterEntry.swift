import SubventionCore

/// A recorded entry of the register (écriture): append-only, numbered, timed, signed by its author, and chained to
/// the previous one by a SHA-256 hash.
public struct RegisterEntry: Hashable, Sendable {
    /// 1, 2, 3… without gaps (numéro d'ordre).
    public var sequence: Int64
    /// When it was recorded, UTC, ISO 8601 with milliseconds (`2026-12-03T10:41:07.512Z`).
    public var recordedAt: String
    /// Who recorded it (auteur).
    public var author: String
    public var entry: NewEntry
    /// The hash of the previous entry (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 of ``EntryHash/canonical(_:)``, hexadecimal.
    public var hash: String

    public init(sequence: Int64, recordedAt: String, author: String, entry: NewEntry, previousHash: String, hash: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.author = author
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The UTC calendar date it was recorded on.
    public var recordedOn: CalendarDate? {
        // Optional lookup: the stamp is written by the register itself; `vérifier` reports an entry altered behind it.
        try? CalendarDate(parsing: String(recordedAt.prefix(10)))
    }
}
