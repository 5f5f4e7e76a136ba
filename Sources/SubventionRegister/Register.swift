import Foundation
import GRDB
import SubventionCore

/// The register (registre): an SQLite file in WAL mode holding the entries, append-only and hash-chained.
///
/// Every append runs in an IMMEDIATE transaction: two processes recording at once are serialised by SQLite's write
/// lock (each waits up to `busyTimeout`), and each reads the previous hash and checks its guards under that lock.
/// `synchronous = FULL`: an append acknowledged (the call returned) survives a crash of the process or the machine.
public final class Register: Sendable {
    public let path: String
    private let pool: DatabasePool

    /// How long a writer waits for another's lock.
    public static let busyTimeout: TimeInterval = 60

    /// Opens the register at `path`, creating it (and its schema) when `create` is true.
    /// - Throws: ``RegisterError/unreadable(_:)`` when the file is absent (and not to be created), not SQLite, or
    ///   of a newer schema.
    public init(path: String, create: Bool) throws(RegisterError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else { throw .unreadable("\(path): registre introuvable") }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 32 MiB of page cache per connection: a sum over the versements of a convention stays in memory.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .unreadable("\(path): registre illisible : \(Self.describe(error))")
        }
        do {
            try Self.migrate(pool)
        } catch {
            throw .unreadable("\(path): registre illisible : \(Self.describe(error))")
        }
    }

    /// Applies the migrations; two processes creating the register at once: the loser finds it done on retry.
    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = RegisterSchema.migrator
        do {
            if try pool.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
            try migrator.migrate(pool)
        } catch {
            try migrator.migrate(pool)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }

    // MARK: Appending

    /// Appends `entries` in one IMMEDIATE transaction, after `check` (run under the write lock, with the register as
    /// it stands) accepts them. All are recorded, or none.
    /// - Returns: the recorded entries, numbered.
    /// - Throws: the error of `check`, or ``RegisterError`` when the database refuses.
    @discardableResult
    public func append(
        _ entries: [NewEntry], author: String, at date: Date = Date(),
        check: (RegisterReader) throws(RegisterError) -> Void = { _ throws(RegisterError) in }
    ) throws(RegisterError) -> [RegisterEntry] {
        do {
            return try pool.writeWithoutTransaction { db in
                var recorded: [RegisterEntry] = []
                try db.inTransaction(.immediate) {
                    let reader = RegisterReader(db: db)
                    try check(reader)
                    recorded = try Self.insert(entries, author: author, at: date, db: db)
                    return .commit
                }
                return recorded
            }
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .refused("\(path): écriture refusée par la base : \(Self.describe(error))")
        }
    }

    /// Appends in a transaction already open (the importer's batches).
    static func insert(_ entries: [NewEntry], author: String, at date: Date, db: Database) throws -> [RegisterEntry] {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM entries ORDER BY sequence DESC LIMIT 1")
        var sequence: Int64 = last?["sequence"] ?? 0
        var previous: String = last?["hash"] ?? EntryHash.genesis
        let timestamp = Self.timestamp(date)
        var recorded: [RegisterEntry] = []
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO entries (sequence, recorded_at, author, kind, convention, installment, structure,
                    operation, amount_cents, date, number, fiscal_year, imputation, motif, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for entry in entries {
            sequence += 1
            let payload = entry.payload.json
            let hash = EntryHash.sha256(
                EntryHash.canonical(
                    sequence: sequence, recordedAt: timestamp, author: author, entry: entry, payload: payload,
                    previousHash: previous))
            try statement.execute(arguments: [
                sequence, timestamp, author, entry.kind.rawValue, entry.convention, entry.installment, entry.structure,
                entry.operation, entry.amount?.cents, entry.date?.iso, entry.number, entry.fiscalYear, entry.imputation,
                entry.motif, payload, previous, hash,
            ])
            recorded.append(
                RegisterEntry(
                    sequence: sequence, recordedAt: timestamp, author: author, entry: entry, previousHash: previous,
                    hash: hash))
            previous = hash
        }
        return recorded
    }

    /// `2026-12-03T10:41:07.512Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    // MARK: Reading

    /// Reads the register as it stands (a consistent snapshot, while others may write).
    public func read<T>(_ body: (RegisterReader) throws(RegisterError) -> T) throws(RegisterError) -> T {
        do {
            return try pool.read { db in
                let reader = RegisterReader(db: db)
                do {
                    return try body(reader)
                } catch let error as RegisterError {
                    throw error
                }
            }
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("\(path): registre illisible : \(Self.describe(error))")
        }
    }

    /// Every entry, in order.
    public func entries() throws(RegisterError) -> [RegisterEntry] {
        try read { reader throws(RegisterError) in try reader.entries() }
    }

    /// The number of entries and the last one, for the headers of reports.
    public func summary() throws(RegisterError) -> RegisterSummary {
        try read { reader throws(RegisterError) in try reader.summary(path: path) }
    }

    /// Recomputes the chain: see ``RegisterVerification``.
    public func verify() throws(RegisterError) -> RegisterVerification {
        try read { reader throws(RegisterError) in try reader.verify() }
    }
}
