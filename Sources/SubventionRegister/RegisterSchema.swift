import GRDB

/// The register's schema, versioned by GRDB's migrator (schéma du registre).
///
/// One table, `entries`, append-only: triggers refuse every UPDATE and DELETE, money is INTEGER cents (never REAL),
/// a numéro de mandat (and of titre) is unique.
enum RegisterSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ecritures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entries (
                        sequence INTEGER PRIMARY KEY NOT NULL CHECK (sequence > 0),
                        recorded_at TEXT NOT NULL,
                        author TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN (\(EntryKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))),
                        convention TEXT NOT NULL,
                        installment TEXT,
                        structure TEXT,
                        operation TEXT,
                        amount_cents INTEGER CHECK (amount_cents IS NULL OR typeof(amount_cents) = 'integer'),
                        date TEXT,
                        number TEXT,
                        fiscal_year INTEGER,
                        imputation TEXT,
                        motif TEXT,
                        payload TEXT NOT NULL,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE
                    );
                    CREATE INDEX entries_convention ON entries(convention, kind);
                    CREATE INDEX entries_kind ON entries(kind);
                    CREATE INDEX entries_paid ON entries(convention, kind, structure, operation, installment, amount_cents);
                    CREATE UNIQUE INDEX entries_mandat ON entries(number) WHERE kind = 'versement' AND number IS NOT NULL;
                    CREATE UNIQUE INDEX entries_titre ON entries(number) WHERE kind = 'titre' AND number IS NOT NULL;
                    CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN
                        SELECT RAISE(ABORT, 'registre en ajout seul : une écriture ne se modifie pas (subvention registre annuler)');
                    END;
                    CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN
                        SELECT RAISE(ABORT, 'registre en ajout seul : une écriture ne se supprime pas (subvention registre annuler)');
                    END;
                    """)
        }
        return migrator
    }

    /// The triggers that keep the table append-only; `vérifier` checks they are still there.
    static let triggers = ["entries_no_delete", "entries_no_update"]
}
