import GRDB
import SubventionCore

/// Reads the register inside a transaction (lecture du registre): entries, counts, the chain.
public struct RegisterReader {
    let db: Database

    static let columns = """
        sequence, recorded_at, author, kind, convention, installment, structure, operation, amount_cents, date, number,
        fiscal_year, imputation, motif, payload, previous_hash, hash
        """

    /// Every entry in order, or those of one convention.
    public func entries(convention: String? = nil) throws(RegisterError) -> [RegisterEntry] {
        var result: [RegisterEntry] = []
        try forEachEntry(convention: convention) { entry throws(RegisterError) in result.append(entry) }
        return result
    }

    /// Calls `body` with each entry in order, reading them one at a time (the register may be large).
    public func forEachEntry(
        convention: String? = nil, _ body: (RegisterEntry) throws(RegisterError) -> Void
    ) throws(RegisterError) {
        do {
            let sql = "SELECT \(Self.columns) FROM entries"
                + (convention == nil ? "" : " WHERE convention = ?") + " ORDER BY sequence"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(convention.map { [$0] } ?? []))
            while let row = try cursor.next() {
                try body(try Self.entry(row))
            }
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// Every entry of `convention` but its versements, titres and justificatifs, in order: what the ceilings of a
    /// versement depend on (events, réalisations, paramètres, majoration) and the annulations.
    public func entriesButMovements(convention: String) throws(RegisterError) -> [RegisterEntry] {
        do {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.columns) FROM entries WHERE convention = ?
                    AND kind NOT IN ('versement', 'titre', 'justificatif') ORDER BY sequence
                    """, arguments: [convention])
            var result: [RegisterEntry] = []
            for row in rows { result.append(try Self.entry(row)) }
            return result
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// Σ of the versements in force (not annulled) of `target`, by échéance (`""` for none): every versement (read
    /// from the covering index `entries_paid` alone) less the versements annulled (found from the annulations, few).
    /// - Throws: ``RegisterError/refused(_:)`` when a sum overflows (SQLite refuses it rather than wrapping).
    public func paidSums(_ target: RecordTarget) throws(RegisterError) -> [String: Money] {
        do {
            let arguments: StatementArguments = [target.convention, target.structure, target.operation]
            let paid = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(installment, '') AS installment, SUM(amount_cents) AS cents FROM entries
                    WHERE convention = ? AND kind = 'versement' AND structure IS ? AND operation IS ?
                    GROUP BY COALESCE(installment, '')
                    """, arguments: arguments)
            let cancelled = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(e.installment, '') AS installment, SUM(e.amount_cents) AS cents
                    FROM entries AS c JOIN entries AS e ON e.sequence = json_extract(c.payload, '$.annule')
                    WHERE c.kind = 'annulation' AND c.convention = ?1 AND e.kind = 'versement' AND e.convention = ?1
                    AND e.structure IS ?2 AND e.operation IS ?3
                    GROUP BY COALESCE(e.installment, '')
                    """, arguments: arguments)
            var sums: [String: Money] = [:]
            for row in paid { sums[row["installment"]] = Money(cents: row["cents"]) }
            for row in cancelled {
                let installment: String = row["installment"]
                sums[installment] = try (sums[installment] ?? .zero) - Money(cents: row["cents"])
            }
            return sums
        } catch {
            throw .refused("\(target.french) : somme des versements impossible : \(Register.describe(error))")
        }
    }

    /// The entry numbered `sequence`, if any.
    public func entry(_ sequence: Int64) throws(RegisterError) -> RegisterEntry? {
        do {
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM entries WHERE sequence = ?", arguments: [sequence])
            else { return nil }
            return try Self.entry(row)
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// The entry of `kind` with numéro `number` (mandat or titre), if one is recorded.
    public func entry(kind: EntryKind, number: String) throws(RegisterError) -> RegisterEntry? {
        do {
            guard
                // The kind is written in the SQL (an enum's raw value), not bound: SQLite uses a partial index
                // (`WHERE kind = 'versement'`) only when the query's terms imply it when prepared.
                // A cached statement: preparing one per row (GRDB's authorizer) cost a fifth of a large import.
                let row = try Row.fetchOne(
                    try db.cachedStatement(
                        sql: "SELECT \(Self.columns) FROM entries WHERE kind = '\(kind.rawValue)' AND number = ? ORDER BY sequence LIMIT 1"),
                    arguments: [number])
            else { return nil }
            return try Self.entry(row)
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// The annulation of `sequence`, if it has one.
    public func cancellation(of sequence: Int64) throws(RegisterError) -> Int64? {
        do {
            return try Int64.fetchOne(
                db, sql: "SELECT sequence FROM entries WHERE kind = 'annulation' AND json_extract(payload, '$.annule') = ?",
                arguments: [sequence])
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// How many entries, and the last one.
    public func summary(path: String) throws(RegisterError) -> RegisterSummary {
        do {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") ?? 0
            let last = try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM entries ORDER BY sequence DESC LIMIT 1")
            return RegisterSummary(path: path, count: count, last: try last.map(Self.entry))
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
    }

    /// Recomputes every hash in order and checks the triggers; see ``RegisterVerification``.
    public func verify() throws(RegisterError) -> RegisterVerification {
        var verification = RegisterVerification()
        var expected: Int64 = 1
        var previous = EntryHash.genesis
        do {
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.columns) FROM entries ORDER BY sequence")
            while let row = try cursor.next() {
                let sequence: Int64 = row["sequence"]
                verification.count += 1
                verification.lastHash = row["hash"]
                guard verification.firstBadEntry == nil else { continue }
                let problem: String?
                var named = sequence
                if sequence != expected {
                    named = min(sequence, expected)
                    problem = sequence > expected
                        ? "écriture n° \(expected) absente (n° \(sequence) la suit) : supprimée hors de l'outil"
                        : "numéro d'ordre \(sequence) hors séquence (attendu \(expected))"
                } else if row["previous_hash"] as String != previous {
                    problem = "l'empreinte précédente enregistrée ne correspond pas à l'écriture n° \(sequence - 1)"
                } else {
                    let entry: RegisterEntry
                    do {
                        entry = try Self.entry(row)
                    } catch {
                        verification.firstBadEntry = sequence
                        verification.problem = "\(error)"
                        continue
                    }
                    let payload: String = row["payload"]
                    let recomputed = EntryHash.sha256(
                        EntryHash.canonical(
                            sequence: sequence, recordedAt: entry.recordedAt, author: entry.author, entry: entry.entry,
                            payload: payload, previousHash: entry.previousHash))
                    problem = recomputed == entry.hash
                        ? nil
                        : "son contenu ne correspond plus à son empreinte (modifiée hors de l'outil)"
                }
                if let problem {
                    verification.firstBadEntry = named
                    verification.problem = problem
                }
                expected = sequence + 1
                previous = row["hash"]
            }
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries' ORDER BY name")
            verification.missingTriggers = RegisterSchema.triggers.filter { !triggers.contains($0) }
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .unreadable("registre illisible : \(Register.describe(error))")
        }
        return verification
    }

    /// Reads a row, strictly: an amount that is not an integer, a date or kind that does not parse, is corruption.
    static func entry(_ row: Row) throws(RegisterError) -> RegisterEntry {
        let sequence: Int64 = row["sequence"]
        func bad(_ what: String) -> RegisterError { .corrupt("écriture n° \(sequence) : \(what) illisible") }
        guard let kind = EntryKind(rawValue: row["kind"] ?? "") else { throw bad("nature") }
        var amount: Money?
        if let value = row["amount_cents"] as DatabaseValue?, !value.isNull {
            guard case .int64(let cents) = value.storage else { throw bad("montant (centimes entiers attendus)") }
            amount = Money(cents: cents)
        }
        var date: CalendarDate?
        if let text = row["date"] as String? {
            do { date = try CalendarDate(parsing: text) } catch { throw bad("date") }
        }
        let payload = try EntryPayload(json: row["payload"] ?? "", sequence: sequence)
        let entry = NewEntry(
            kind: kind, convention: row["convention"] ?? "", installment: row["installment"], structure: row["structure"],
            operation: row["operation"], amount: amount, date: date, number: row["number"], fiscalYear: row["fiscal_year"],
            imputation: row["imputation"], motif: row["motif"], payload: payload)
        return RegisterEntry(
            sequence: sequence, recordedAt: row["recorded_at"] ?? "", author: row["author"] ?? "", entry: entry,
            previousHash: row["previous_hash"] ?? "", hash: row["hash"] ?? "")
    }
}
