import Foundation
import Testing

/// Issue 14: the register, through the real `subvention` binary.
@Suite("registre : écritures, contrôles, états, vérification (binaire réel)")
struct RegisterCommandTests {
    static let angers = "maine-et-loire-ccas-angers-2025"
    static let besancon = "doubs-ccas-besancon-2025"

    /// A fresh register path in its own folder.
    static func fresh() throws -> String {
        try Scratch.directory() + "/registre.sqlite"
    }

    static func run(_ arguments: [String], register: String) throws -> Executable.Output {
        try Executable.run(arguments + ["--registre", register], environment: ["USER": "testeur"])
    }

    /// The report as JSON less its subtitle (the register's header line is the only difference allowed).
    static func figures(_ output: Executable.Output) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: output.bytes) as? NSDictionary)
        let copy = NSMutableDictionary()
        copy.addEntries(from: object as? [AnyHashable: Any] ?? [:])
        copy.removeObject(forKey: "sous-titre")
        return copy
    }

    @Test("Examples/bilans importés dans un registre neuf : report --registre donne les mêmes chiffres au centime")
    func importedBilansGiveTheSameReport() throws {
        let register = try Self.fresh()
        let imported = try Self.run(["registre", "importer", "Examples/bilans"], register: register)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("écritures importées"), "\(imported.stdout)")
        for format in ["json"] {
            let files = try Executable.run(["report", "--as-of", "2026-07-01", "--format", format])
            let recorded = try Self.run(["report", "--as-of", "2026-07-01", "--format", format], register: register)
            #expect(files.status == 0, "\(files.stderr)")
            #expect(recorded.status == 0, "\(recorded.stderr)")
            #expect(try Self.figures(files) == Self.figures(recorded))
            #expect(recorded.stdout.contains("Registre : \(register), "), "\(recorded.stdout.prefix(400))")
            #expect(recorded.stdout.contains("8943448.72") || recorded.stdout.contains("8 943 448,72"))
        }
        let text = try Self.run(["report", "--as-of", "2026-07-01"], register: register)
        #expect(text.stdout.contains("Registre : \(register), "), "\(text.stdout.prefix(400))")
        let verified = try Self.run(["registre", "verifier"], register: register)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("Registre intact"))
    }

    /// Records Angers' acompte and a bilan with `cost`.
    static func angers(cost: String) throws -> String {
        let register = try fresh()
        let steps: [[String]] = [
            ["registre", "evenement", "convention-signee-recue", "--convention", angers, "--date", "02/04/2025"],
            [
                "registre", "versement", "--convention", angers, "--echeance", "premier-versement", "--montant",
                "48 000,00 €", "--date", "15/04/2025", "--mandat", "2025-0412",
            ],
            [
                "registre", "realisations", "etp=2", "cout-mission=\(cost)", "--convention", angers, "--recu-le",
                "2026-02-10",
            ],
        ]
        for step in steps {
            let output = try run(step, register: register)
            #expect(output.status == 0, "\(step) \(output.stderr)")
            #expect(output.stdout.contains("enregistrée"), "\(output.stdout)")
        }
        return register
    }

    @Test("Angers, coût 130 000 € : l'état des mandats au 01/07/2026 liste le solde de 12 000,00 €")
    func angersMandates() throws {
        let register = try Self.angers(cost: "130 000 €")
        let csv = try Self.run(
            ["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "csv", "--csv-dialect", "excel-fr"],
            register: register)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("\(Self.angers);"), "\(csv.stdout)")
        #expect(csv.stdout.contains("solde;"), "\(csv.stdout)")
        #expect(csv.stdout.contains(";12000,00;"), "\(csv.stdout)")
        let rfc = try Self.run(["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(rfc.stdout.contains(",12000.00,"), "\(rfc.stdout)")
        let text = try Self.run(["registre", "etat", "mandats", "--au", "01/07/2026"], register: register)
        #expect(text.stdout.contains("12\u{A0}000,00\u{A0}€"), "\(text.stdout)")
        let titres = try Self.run(["registre", "etat", "titres", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(!titres.stdout.contains(Self.angers), "\(titres.stdout)")
        let workbook = try Scratch.directory() + "/mandats.xlsx"
        let xlsx = try Self.run(
            ["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "xlsx", "--output", workbook], register: register)
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(FileManager.default.contents(atPath: workbook)?.prefix(2) == Data("PK".utf8))
        // Once paid, the solde leaves the état.
        let paid = try Self.run(
            [
                "registre", "versement", "--convention", Self.angers, "--echeance", "solde", "--montant", "12000",
                "--date", "2026-03-01", "--mandat", "2026-0101",
            ], register: register)
        #expect(paid.status == 0, "\(paid.stderr)")
        let after = try Self.run(["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(!after.stdout.contains(Self.angers), "\(after.stdout)")
    }

    @Test("Angers, coût 90 000 € : l'état des titres liste un reversement de 3 000,00 € ; un titre enregistré l'en retire")
    func angersReceiptOrders() throws {
        let register = try Self.angers(cost: "90 000 €")
        let csv = try Self.run(["registre", "etat", "titres", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(Self.angers), "\(csv.stdout)")
        #expect(csv.stdout.contains(",3000.00"), "\(csv.stdout)")
        let mandats = try Self.run(["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(!mandats.stdout.contains(Self.angers), "\(mandats.stdout)")
        let titre = try Self.run(
            [
                "registre", "titre", "--convention", Self.angers, "--numero", "T-2026-7", "--montant", "3 000 €",
                "--date", "2026-07-02",
            ], register: register)
        #expect(titre.status == 0, "\(titre.stderr)")
        let after = try Self.run(["registre", "etat", "titres", "--au", "2026-07-03", "--format", "csv"], register: register)
        #expect(!after.stdout.contains(Self.angers), "\(after.stdout)")
    }

    @Test("Même numéro de mandat deux fois : refusé (code 1), l'écriture d'origine nommée")
    func duplicateMandate() throws {
        let register = try Self.angers(cost: "130 000 €")
        let again = try Self.run(
            [
                "registre", "versement", "--convention", Self.angers, "--echeance", "solde", "--montant", "12 000 €",
                "--date", "2026-03-01", "--mandat", "2025-0412",
            ], register: register)
        #expect(again.status == 1)
        #expect(again.stderr.contains("2025-0412"), "\(again.stderr)")
        #expect(again.stderr.contains("déjà enregistré"), "\(again.stderr)")
        #expect(again.stderr.contains("48\u{A0}000,00\u{A0}€"), "\(again.stderr)")
    }

    @Test("Besançon : au-delà de 118 250,00 € refusé sans motif, avec les chiffres ; accepté avec --motif-depassement")
    func besanconCeiling() throws {
        let register = try Self.fresh()
        let acompte = try Self.run(
            [
                "registre", "versement", "--convention", Self.besancon, "--echeance", "acompte", "--montant", "82 775 €",
                "--date", "2025-06-02", "--mandat", "M-1",
            ], register: register)
        #expect(acompte.status == 0, "\(acompte.stderr)")
        let solde = ["registre", "versement", "--convention", Self.besancon, "--echeance", "solde", "--montant", "40 000 €",
                     "--date", "2026-03-01", "--mandat", "M-2"]
        let refused = try Self.run(solde, register: register)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("118\u{A0}250,00\u{A0}€"), "\(refused.stderr)")
        #expect(refused.stderr.contains("122\u{A0}775,00\u{A0}€"), "\(refused.stderr)")
        let within = try Self.run(
            [
                "registre", "versement", "--convention", Self.besancon, "--echeance", "solde", "--montant", "35 475 €",
                "--date", "2026-03-01", "--mandat", "M-3",
            ], register: register)
        #expect(within.status == 0, "\(within.stderr)")
        let oneCentMore = try Self.run(
            [
                "registre", "versement", "--convention", Self.besancon, "--echeance", "solde", "--montant", "0,01",
                "--date", "2026-03-02", "--mandat", "M-4",
            ], register: register)
        #expect(oneCentMore.status == 1, "\(oneCentMore.stderr)")
        let forced = try Self.run(solde + ["--motif-depassement", "majoration décidée le 01/03/2026"], register: register)
        #expect(forced.status == 0, "\(forced.stderr)")
        let journal = try Self.run(["registre", "journal", "--convention", Self.besancon, "--format", "csv"], register: register)
        #expect(journal.stdout.contains("majoration décidée le 01/03/2026"), "\(journal.stdout)")
    }

    @Test("Convention, échéance, événement inconnus : refusés avec une suggestion ; montant au-delà du centime refusé")
    func unknownNamesAndCents() throws {
        let register = try Self.fresh()
        let base = ["registre", "versement", "--montant", "100", "--date", "2025-06-02", "--mandat", "X-1"]
        let convention = try Self.run(base + ["--convention", "doubs-ccas-besancon-2052", "--echeance", "acompte"], register: register)
        #expect(convention.status == 1)
        #expect(convention.stderr.contains("« \(Self.besancon) »"), "\(convention.stderr)")
        let installment = try Self.run(base + ["--convention", Self.besancon, "--echeance", "acompt"], register: register)
        #expect(installment.status == 1)
        #expect(installment.stderr.contains("« acompte »"), "\(installment.stderr)")
        let event = try Self.run(
            ["registre", "evenement", "bilan-recus", "--convention", Self.besancon, "--date", "2026-01-15"], register: register)
        #expect(event.status == 1)
        #expect(event.stderr.contains("« bilan-recu »"), "\(event.stderr)")
        let cents = try Self.run(
            ["registre", "versement", "--convention", Self.besancon, "--echeance", "acompte", "--montant", "100,001",
             "--date", "2025-06-02", "--mandat", "X-2"], register: register)
        #expect(cents.status == 1)
        #expect(cents.stderr.contains("centimes"), "\(cents.stderr)")
        let value = try Self.run(
            ["registre", "realisations", "etps=2", "--convention", Self.angers], register: register)
        #expect(value.status == 1)
        #expect(value.stderr.contains("« etp »"), "\(value.stderr)")
        let journal = try Self.run(["registre", "journal", "--format", "json"], register: register)
        #expect(journal.status == 0, "\(journal.stderr)")
        #expect(journal.stdout.contains("\"ecritures\""), "\(journal.stdout)")
        #expect(!journal.stdout.contains("X-1"))
    }

    @Test("Annuler : une écriture nouvelle, avec motif ; le versement annulé ne compte plus")
    func cancel() throws {
        let register = try Self.angers(cost: "130 000 €")
        let cancelled = try Self.run(["registre", "annuler", "2", "--motif", "mandat rejeté par le comptable"], register: register)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("écriture n° 5 enregistrée : annulation"), "\(cancelled.stdout)")
        let again = try Self.run(["registre", "annuler", "2", "--motif", "encore"], register: register)
        #expect(again.status == 1)
        let mandats = try Self.run(["registre", "etat", "mandats", "--au", "2026-07-01", "--format", "csv"], register: register)
        #expect(mandats.stdout.contains(",60000.00,"), "\(mandats.stdout)")
        let journal = try Self.run(["registre", "journal", "--nature", "annulation", "--format", "csv"], register: register)
        #expect(journal.stdout.contains("mandat rejeté par le comptable"), "\(journal.stdout)")
        #expect(try Self.run(["registre", "verifier"], register: register).status == 0)
    }

    @Test("sqlite3 : UPDATE refusé par le déclencheur ; déclencheur supprimé et montant changé → verifier échoue et nomme l'écriture n° 2")
    func tamperWithSQLiteShell() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            Issue.record("sqlite3 absent : apt-get install sqlite3")
            return
        }
        let register = try Self.angers(cost: "130 000 €")
        #expect(try Self.run(["registre", "verifier"], register: register).status == 0)
        let refused = try Executable.run(
            [register, "UPDATE entries SET amount_cents = 4900000 WHERE sequence = 2;"], program: "/usr/bin/sqlite3")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("ajout seul"), "\(refused.stderr)")
        #expect(try Self.run(["registre", "verifier"], register: register).status == 0)
        let tampered = try Executable.run(
            [register, "DROP TRIGGER entries_no_update; UPDATE entries SET amount_cents = 4900000 WHERE sequence = 2;"],
            program: "/usr/bin/sqlite3")
        #expect(tampered.status == 0, "\(tampered.stderr)")
        let verified = try Self.run(["registre", "verifier"], register: register)
        #expect(verified.status == 1)
        #expect(verified.stderr.contains("écriture n° 2"), "\(verified.stderr)")
        #expect(verified.stderr.contains("entries_no_update"), "\(verified.stderr)")
    }

    @Test("schedule, settle, entitlement lisent le registre et le disent dans leur en-tête")
    func settlingCommandsReadTheRegister() throws {
        let register = try Self.angers(cost: "130 000 €")
        let file = "Conventions/maine-et-loire/ccas-angers-2025.yaml"
        let settle = try Self.run(["settle", file, "--format", "json"], register: register)
        #expect(settle.status == 0, "\(settle.stderr)")
        #expect(settle.stdout.contains("Registre : \(register), 4 écritures"), "\(settle.stdout.prefix(500))")
        #expect(settle.stdout.contains("12000.00"), "\(settle.stdout)")
        let schedule = try Self.run(["schedule", file], register: register)
        #expect(schedule.status == 0, "\(schedule.stderr)")
        #expect(schedule.stdout.contains("Registre : \(register)"), "\(schedule.stdout.prefix(500))")
        let entitlement = try Self.run(["entitlement", file, "--as-of", "2026-07-01"], register: register)
        #expect(entitlement.status == 0, "\(entitlement.stderr)")
        #expect(entitlement.stdout.contains("12\u{A0}000,00\u{A0}€"), "\(entitlement.stdout)")
        // Without a register and without a bilan, settle says what it needs.
        let none = try Executable.run(["settle", file], in: try Scratch.directory(), program: Executable.path)
        #expect(none.status == 2)
    }
}
