import Foundation
import Testing

/// Issue 12, end to end: the two mistakes that used to pass with exit 0 now stop `check` and `settle` (exit 1),
/// citing both figures and where they are written.
@Suite("Conventions qui ne peuvent mentir en silence, en ligne de commande (issue 12)")
struct HonestConventionCommandTests {
    static let etat = "Conventions/alpes-maritimes/etat-france-travail-2024.yaml"
    static let etatBilan = "Examples/bilans/alpes-maritimes-etat-france-travail-2024.yaml"
    static let angers = "Conventions/maine-et-loire/ccas-angers-2025.yaml"
    static let angersBilan = "Examples/bilans/maine-et-loire-ccas-angers-2025.yaml"

    static func line(of text: String, in file: String) throws -> Int {
        try #require(try String(contentsOfFile: file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }) + 1
    }

    @Test("Plafond du volet 1 tapé 107 000 € pour 106 000 € écrits : check et settle sortent en 1")
    func capAgainstWrittenAmount() throws {
        let file = try Scratch.mutate(
            Self.etat, "- { montant: 106 000 €, libelle: plafond du volet 1", "- { montant: 107 000 €, libelle: plafond du volet 1")
        let capLine = try Self.line(of: "montant: 107 000 €", in: file)
        let writtenLine = try Self.line(of: "montant-ecrit: { valeur: 106 000 €", in: file)
        let check = try Executable.run(["check", file, "--format", "json"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("plafond-montant-ecrit"))
        #expect(check.stdout.contains("\(file):\(capLine):22") && check.stdout.contains("\(file):\(writtenLine):32"), "\(check.stdout)")
        #expect(check.stdout.contains("107\u{A0}000,00\u{A0}€") && check.stdout.contains("106\u{A0}000,00\u{A0}€"))
        let settle = try Executable.run(["settle", file, "--bilan", Self.etatBilan])
        #expect(settle.status == 1, "\(settle.stdout)")
        #expect(settle.stdout.isEmpty)
        #expect(settle.stderr.hasPrefix("\(file):\(capLine):22: erreur: « Volet 1"), "\(settle.stderr)")
        #expect(settle.stderr.contains("1\u{A0}000,00\u{A0}€ de plus"), "\(settle.stderr)")
    }

    @Test("Les conventions livrées ne sont pas refusées ; check ne signale que l'erreur réelle de l'État (408 100 / 408 000)")
    func bundledConventionsPass() throws {
        let check = try Executable.run(["check", "Conventions", "--format", "json"])
        #expect(check.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let rows = try #require(sections.first { $0["id"] as? String == "constats" }?["lignes"] as? [[String: Any]])
        let errors = rows.filter { $0["gravite"] as? String == "erreur" }
        #expect(errors.count == 1)
        #expect(errors.first?["code"] as? String == "montant-contradictoire")
        #expect(errors.first?["sujet"] as? String == "volet-3")
        let settle = try Executable.run(["settle", Self.etat, "--bilan", Self.etatBilan])
        #expect(settle.status == 0, "\(settle.stderr)")
        // Units of programme rows: the annexe-4 prorata reads places, five operations count accueils, ménages…
        let units = rows.filter { $0["code"] as? String == "unite-de-ligne" }
        #expect(units.compactMap { $0["sujet"] as? String } == [
            "op4-dynamisation", "op6-accompagnement-global", "t3-op1-adil-information", "t3-op3-microcredit",
            "t3-op4-jeunes-primo-locataires",
        ])
        #expect(units.allSatisfy { $0["gravite"] as? String == "avertissement" })
    }

    @Test("Un événement mal écrit dans un bilan : settle sort en 1, avec la position et une suggestion")
    func typoedEventInBilan() throws {
        let bilan = try Scratch.mutate(
            Self.angersBilan, "evenements: { convention-signee-recue: 2025-04-02 }",
            "evenements:\n    convention-signee-recue: 2025-04-02\n    bilan-recus: 2026-02-10")
        let line = try Self.line(of: "bilan-recus:", in: bilan)
        let settle = try Executable.run(["settle", Self.angers, "--bilan", bilan])
        #expect(settle.status == 1, "\(settle.stdout)")
        #expect(settle.stderr.contains("\(bilan):\(line):5: erreur: bilan.evenements : événement « bilan-recus » inconnu"),
            "\(settle.stderr)")
        #expect(settle.stderr.contains("vouliez-vous dire « bilan-recu » ?"))
        // A bilan that is not YAML stays unreadable (exit 2).
        let broken = try Scratch.mutate(Self.angersBilan, "2025-04-02 }", "2025-04-02 ")
        #expect(try Executable.run(["settle", Self.angers, "--bilan", broken]).status == 2)
    }

    @Test("Un événement mal écrit dans une obligation : check sort en 2 avec la position et la suggestion")
    func typoedEventInConvention() throws {
        let file = try Scratch.mutate(Self.angers, "accomplie-par: bilan-traite", "accomplie-par: bilan-traitee")
        let line = try Self.line(of: "bilan-traitee", in: file)
        let check = try Executable.run(["check", file])
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(file):\(line):22: erreur:"), "\(check.stderr)")
        #expect(check.stderr.contains("vouliez-vous dire « bilan-traite » ?"), "\(check.stderr)")
    }
}

/// Issue 12: a co-financed convention end to end.
@Suite("Convention cofinancée en ligne de commande (issue 12)")
struct CofinancingCommandTests {
    static let convention = "Examples/conventions/alpes-maritimes/cofinancement-pauvrete-2023.yaml"
    static let bilan = "Examples/cofinancement/bilan-2023.yaml"

    func table(_ stdout: String, _ id: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        return try #require(sections.first { $0["id"] as? String == id }?["lignes"] as? [[String: Any]])
    }

    @Test("settle sans --financeur : le dû de chaque financeur depuis un seul bilan")
    func settleEveryShare() throws {
        let output = try Executable.run(["settle", Self.convention, "--bilan", Self.bilan, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = try table(output.stdout, "financeurs")
        #expect(rows.map { $0["id"] as? String } == ["etat", "departement"])
        #expect(rows.map { $0["du"] as? String } == ["942404.13", "3243556.37"])
        #expect(rows.map { $0["verse"] as? String } == ["474634.00", "0.00"])
        #expect(rows.map { $0["solde"] as? String } == ["467770.13", "3243556.37"])
        let etat = try table(output.stdout, "etat-composantes")
        #expect(etat.first?["du"] as? String == "27898.13")
    }

    @Test("settle --financeur etat : la part de l'État seule ; un financeur inconnu est proposé")
    func settleOneShare() throws {
        let output = try Executable.run([
            "settle", Self.convention, "--bilan", Self.bilan, "--financeur", "etat", "--format", "json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = try table(output.stdout, "reglement")
        #expect(rows.first { $0["poste"] as? String == "du" }?["montant"] as? String == "942404.13")
        let unknown = try Executable.run(["settle", Self.convention, "--bilan", Self.bilan, "--financeur", "etta"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("vouliez-vous dire « etat » ?"), "\(unknown.stderr)")
    }

    @Test("report : les totaux par financeur comptent chaque part")
    func reportPerFinanceur() throws {
        let directory = try Scratch.directory()
        try Scratch.write(try Scratch.bundled(Self.bilan), "bilan.yaml", in: directory)
        let output = try Executable.run([
            "report", Self.convention, "--bilans", directory, "--as-of", "2024-07-01", "--format", "json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = try table(output.stdout, "financeurs")
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["financeur"] as? String ?? "", $0) })
        #expect(byName["État"]?["montant"] as? String == "949268.00")
        #expect(byName["État"]?["du"] as? String == "942404.13")
        #expect(byName["Département des Alpes-Maritimes"]?["montant"] as? String == "3251454.50")
        #expect(byName["Département des Alpes-Maritimes"]?["du"] as? String == "3243556.37")
    }
}
