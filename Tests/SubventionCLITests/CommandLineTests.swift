import Foundation
import Testing

@Suite("La commande subvention, de bout en bout")
struct CommandLineTests {
    @Test("--version et --help")
    func versionAndHelp() throws {
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("subvention 0.1.0\n"))
        #expect(version.stdout.contains("subvention/convention 1") && version.stdout.contains("subvention/rapport 1"))
        let help = try Executable.run(["--help"])
        #expect(help.status == 0)
        for command in ["check", "schedule", "settle", "explain", "report", "batch", "entitlement", "replay", "record"] {
            #expect(help.stdout.contains("  \(command) "), "\(command)")
        }
    }

    @Test("schedule : l'échéancier de Besançon")
    func schedule() throws {
        let output = try Executable.run(["schedule", "Conventions/doubs/ccas-besancon-2025.yaml", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"montant\": \"82775.00\""))
        #expect(output.stdout.contains("\"montant\": \"35475.00\""))
        #expect(output.stdout.contains("\"echeance\": \"2026-01-31\""))
    }

    @Test("settle --explain : chaque étape cite sa clause")
    func settleExplain() throws {
        let output = try Executable.run([
            "settle", "Conventions/alpes-maritimes/etat-france-travail-2024.yaml", "--bilan",
            "Examples/bilans/alpes-maritimes-etat-france-travail-2024.yaml", "--explain", "--as-of", "2025-04-01",
        ])
        #expect(output.status == 0)
        let text = output.stdout.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(text.contains("Solde à verser : 478 412,80 €"))
        #expect(text.contains("Article 8 (001_fb388a93291fe01f.txt, l. 676) — Volet 3"))
        #expect(text.contains("Article 6 (001_fb388a93291fe01f.txt, l. 641) — Solde à verser"))
    }

    @Test("check : code 1 sur les incohérences des documents, 0 sur une convention cohérente")
    func check() throws {
        let bundled = try Executable.run(["check", "Conventions", "--large"])
        #expect(bundled.status == 1)
        let lines = bundled.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains("erreur") && $0.contains("montant-contradictoire") && $0.contains("volet-3") })
        #expect(lines.contains { $0.contains("ecart-ligne") && $0.contains("CCAS Auchel") })
        let consistent = try Executable.run(["check", "Conventions/maine-et-loire/ccas-angers-2025.yaml"])
        #expect(consistent.status == 0)
    }

    @Test("Un fichier mal formé : diagnostic fichier:ligne:colonne, code 2, jamais de plantage")
    func malformed() throws {
        let directory = NSTemporaryDirectory() + "subvention-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try String(contentsOfFile: Executable.root + "/Conventions/maine-et-loire/ccas-angers-2025.yaml", encoding: .utf8)
        let file = directory + "/faute.yaml"
        try original.replacingOccurrences(of: "  plafonds:\n", with: "  plafon:\n")
            .replacingOccurrences(of: "debut: 2025-01-01", with: "debut: 70 %")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Executable.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):20:12: erreur: convention.periode.debut"))
        #expect(output.stderr.contains("\(file):55:7: erreur: convention.composantes[1] : clé inconnue « plafon »"))
        #expect(output.stderr.contains("clé inconnue « plafon » (vouliez-vous dire « plafonds » ?)"))
        let missing = try Executable.run(["settle", file + ".absent", "--bilan", file])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("fichier introuvable"))
    }

    @Test("batch sur le tableau du Pas-de-Calais : total 5 221 877,72 € et exactement deux écarts")
    func batch() throws {
        let output = try Executable.run([
            "batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--format", "json", "--as-of", "2024-07-15",
        ])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let totals = try #require(sections.first { $0["id"] as? String == "totaux" }?["lignes"] as? [[String: Any]])
        #expect(totals.first?["imprime"] as? String == "5221877.72")
        #expect(totals.first?["somme-des-lignes"] as? String == "5221877.72")
        let paragraphs = try #require(sections.first { $0["id"] as? String == "constats" }?["paragraphes"] as? [String])
        // The table's two écarts, then the five operations whose row unit is not the prorata's (issue 12).
        let findings = paragraphs.filter { !$0.contains("compte ses lignes en") }
        #expect(paragraphs.count - findings.count == 5)
        #expect(findings.count == 2)
        #expect(findings[0].contains("CCAS Auchel"))
        #expect(findings[1].contains("10\u{A0}706"))
    }

    @Test("--output écrit le fichier en entier, et n'écrase rien d'autre")
    func outputFile() throws {
        let directory = NSTemporaryDirectory() + "subvention-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try Executable.run([
            "report", "--as-of", "2025-12-31", "--format", "html", "--output", directory + "/rapport.html",
        ])
        #expect(output.status == 0)
        let html = try String(contentsOfFile: directory + "/rapport.html", encoding: .utf8)
        #expect(html.hasSuffix("</html>\n"))
        let refused = try Executable.run(["report", "--as-of", "2025-12-31", "--output", directory + "/absent/rapport.txt"])
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory + "/absent"))
    }
}
