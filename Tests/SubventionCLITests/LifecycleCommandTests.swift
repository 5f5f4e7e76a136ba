import Foundation
import Testing

@Suite("Vie de la convention en ligne de commande")
struct LifecycleCommandTests {
    static let convention = "Conventions/doubs/ccas-besancon-2025.yaml"
    static let bilan = "Examples/resiliations/doubs-ccas-besancon-2025.yaml"

    @Test("settle : résiliée le 31/10/2025, titre de recettes 32 775,00 €")
    func settle() throws {
        let output = try Executable.run(["settle", Self.convention, "--bilan", Self.bilan, "--as-of", "2025-11-15"])
        #expect(output.status == 0)
        let text = output.stdout.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("Vie de la convention : résiliée le 31/10/2025 ; titre de recettes de 32 775,00 € à compter du 31/10/2025"))
        #expect(text.contains("Dotation due            50 000,00 €"))
    }

    @Test("schedule : sous mise en demeure, le solde n'est plus exigible")
    func schedule() throws {
        let output = try Executable.run(["schedule", Self.convention, "--bilan", Self.bilan, "--as-of", "2025-10-15", "--format", "json"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: output.bytes) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let life = try #require(sections.first { $0["id"] as? String == "vie" }?["paragraphes"] as? [String])
        #expect(life.first?.hasPrefix("Vie de la convention : sous mise en demeure") == true)
        let installments = try #require(sections.first { $0["id"] as? String == "echeancier" }?["lignes"] as? [[String: Any]])
        #expect(installments.map { ($0["etat"] as? String)?.hasPrefix("plus exigible") } == [false, true])
    }

    @Test("check : la contradiction de Besançon, avec ses deux lignes")
    func check() throws {
        let output = try Executable.run(["check", Self.convention])
        #expect(output.status == 0)
        // The code is a low column, hidden at 100 columns: --large shows it.
        #expect(try Executable.run(["check", Self.convention, "--large"]).stdout.contains("resiliation-contradictoire"))
        #expect(output.stdout.contains("l. 419") && output.stdout.contains("l. 422"))
    }
}
