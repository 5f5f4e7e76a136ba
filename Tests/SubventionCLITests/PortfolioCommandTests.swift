import Foundation
import Testing

/// Issue « Every euro accounted for »: the portfolio counts the programme, attaches structure bilans, keeps every
/// amount in the calendar, says when a solde is not payable, and turns no failure into a figure.
@Suite("Portefeuille, droits et règlement : chaque euro compté, aucun échec caché")
struct PortfolioCommandTests {
    /// Standard output with ordinary spaces, paragraphs wrapped to the width put back on one line.
    static func text(_ output: Executable.Output) -> String {
        output.stdout.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\n  ", with: " ")
    }

    /// A temporary folder with copies of the given bundled bilans.
    static func bilanFolder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilans-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("report Conventions/ : le programme compte dans le Total et chez son financeur ; l'avance d'Osartis est versée")
    func programmeInTotals() throws {
        let output = try Executable.run(["report", "--as-of", "2025-12-31", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stderr.contains("ignoré"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let conventions = try #require(sections.first { $0["id"] as? String == "conventions" })
        let total = try #require(conventions["total"] as? [String: Any])
        // 3 554 071,00 € of conventions + 5 389 377,72 € of the programme (153 rows).
        #expect(total["montant"] as? String == "8943448.72")
        let rows = try #require(conventions["lignes"] as? [[String: Any]])
        let programme = try #require(rows.first { $0["convention"] as? String == "pas-de-calais-inclusion-durable-2023" })
        #expect(programme["montant"] as? String == "5389377.72")
        // The Osartis avance (10 400 €) is paid; 52 places of 130 make 8 320 € due: 2 080 € to claim back.
        #expect(programme["verse"] as? String == "10400.00")
        #expect(programme["reversement"] as? String == "2080.00")
        let financeurs = try #require(sections.first { $0["id"] as? String == "financeurs" })
        let pasDeCalais = try #require(
            (financeurs["lignes"] as? [[String: Any]])?.first { $0["financeur"] as? String == "Département du Pas-de-Calais" })
        #expect(pasDeCalais["montant"] as? String == "5689377.72")
        #expect(pasDeCalais["conventions"] as? Int == 1)
        #expect(pasDeCalais["programmes"] as? Int == 1)
    }

    @Test("Le calendrier garde les montants sans date (ERILIA, So'EAU, solde d'Angers) et marque les échus")
    func calendarKeepsEveryAmount() throws {
        let output = try Executable.run(["report", "--as-of", "2025-12-31", "--section", "calendrier", "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        // ERILIA 11 499 € + So'EAU 17 402 € wait for a written request; Angers' 12 000 € solde for the bilan.
        #expect(output.stdout.contains("Sans date : en attente de demande écrite du bénéficiaire,0.00,0.00,28901.00"))
        #expect(output.stdout.contains("Sans date : en attente de réception du bilan,0.00,0.00,12000.00"))
        // The État solde (478 412,80 €) is payable since the bilan of 20/03/2025, due 31/03/2025: échu.
        #expect(output.stdout.contains("mars 2025,0.00,478412.80,0.00"))
    }

    @Test("Un bilan illisible, ou d'une convention absente, arrête le rapport (code 2) ; un identifiant entre guillemets est lu")
    func bilansAreNeverSkipped() throws {
        let besancon = try String(contentsOfFile: Executable.root + "/Examples/bilans/doubs-ccas-besancon-2025.yaml", encoding: .utf8)
        let quoted = try Self.bilanFolder([
            "b.yaml": besancon.replacingOccurrences(of: "convention: doubs-ccas-besancon-2025", with: "convention: \"doubs-ccas-besancon-2025\"")
        ])
        let read = try Executable.run(["report", "Conventions/doubs", "--bilans", quoted, "--format", "csv", "--as-of", "2025-12-31"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("doubs-ccas-besancon-2025,Département du Doubs,CCAS de Besançon (SAAS),118250.00,82775.00"))

        let broken = try Self.bilanFolder(["b.yaml": besancon.replacingOccurrences(of: "versements:", with: "versements: [")])
        let failed = try Executable.run(["report", "Conventions/doubs", "--bilans", broken, "--as-of", "2025-12-31"])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("b.yaml:"))

        let versionTwo = try Self.bilanFolder([
            "b.yaml": besancon.replacingOccurrences(of: "subvention/bilan 1", with: "subvention/bilan 2")
        ])
        let refused = try Executable.run(["report", "Conventions/doubs", "--bilans", versionTwo, "--as-of", "2025-12-31"])
        #expect(refused.status == 2)

        let orphan = try Self.bilanFolder([
            "b.yaml": besancon.replacingOccurrences(of: "convention: doubs-ccas-besancon-2025", with: "convention: doubs-ccas-besancon-2024")
        ])
        let unknown = try Executable.run(["report", "Conventions/doubs", "--bilans", orphan, "--as-of", "2025-12-31"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("vouliez-vous dire « doubs-ccas-besancon-2025 »"))
    }

    @Test("settle Besançon sans bilan au 15/02/2026 : le solde de 35 475,00 € n'est pas exigible")
    func soldeNotPayableWithoutBilan() throws {
        let arguments = [
            "settle", "Conventions/doubs/ccas-besancon-2025.yaml", "--bilan", "Examples/bilans/doubs-ccas-besancon-2025.yaml",
            "--as-of", "2026-02-15",
        ]
        let output = try Executable.run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let text = Self.text(output)
        #expect(text.contains("Solde : 35 475,00 €, non exigible (en attente : réception du bilan)"))
        #expect(!text.contains("Solde à verser"))
        let json = try Executable.run(arguments + ["--format", "json"])
        #expect(json.stdout.contains("\"etat\": \"en-attente\""))
    }

    @Test("entitlement Angers --what-if etp=2 --what-if cout-mission=116000 : 58 000,00 € dus, avec la trace")
    func whatIfCombinesValues() throws {
        let output = try Executable.run([
            "entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", "etp=2", "--what-if",
            "cout-mission=116000", "--as-of", "2026-01-01",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let text = Self.text(output)
        #expect(text.contains(": dotation due 58 000,00 €"))
        #expect(text.contains("Calcul : Article 3.2 (002_a936abeb1206f53d.txt, l. 320-321) — Participation du Département : 50 % de 116 000,00 €"))
        // No bilan given: nothing is said « au vu du bilan ».
        #expect(!text.contains("Au vu du bilan"))

        let unknown = try Executable.run(["entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", "etpp=2"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("entrées possibles : cout-mission, etp"))
    }

    @Test("entitlement Angers avec son bilan : une seule somme restant due, les vraies dates de versement")
    func entitlementStatesOneFigure() throws {
        let output = try Executable.run([
            "entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--bilan",
            "Examples/bilans/maine-et-loire-ccas-angers-2025.yaml", "--as-of", "2026-01-01", "--format", "csv",
            "--section", "versements",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        // Paid on 15/04/2025 (the payment), not on the trigger date 02/04/2025.
        #expect(output.stdout.contains("Premier versement de 80 %,48000.00,réception de la convention signée,2025-04-15,versé le 15/04/2025"))
        #expect(output.stdout.contains("Solde au vu des pièces de bilan,12000.00"))
        let summary = try Executable.run([
            "entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--bilan",
            "Examples/bilans/maine-et-loire-ccas-angers-2025.yaml", "--as-of", "2026-01-01",
        ])
        #expect(Self.text(summary).contains("Il vous reste à recevoir 12 000,00 € (12 000,00 € sans date : en attente de réception du bilan)"))
    }
}
