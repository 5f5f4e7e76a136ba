import Foundation
import Testing

@Suite("replay : écarts, liste des échecs, --filtre, scénarios copiés ailleurs, JUnit")
struct ReplayCommandTests {
    /// A copy of Besançon's first scenario in a scratch directory, its `du` raised by 500 €; the convention is still
    /// named `../../../Conventions/…`, which only the repository's root resolves.
    func copiedScenario() throws -> (directory: String, scenario: String) {
        let directory = NSTemporaryDirectory() + "subvention-replay-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let original = try String(
            contentsOfFile: Executable.root + "/Examples/scenarios/doubs-ccas-besancon-2025/1-nominal.yaml",
            encoding: .utf8)
        #expect(original.contains("convention: ../../../Conventions/doubs/ccas-besancon-2025.yaml"))
        let scenario = directory + "/copie.yaml"
        try original.replacingOccurrences(of: "du: \"118 250,00 €\"", with: "du: \"118 750,00 €\"")
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        return (directory, scenario)
    }

    @Test("Un scénario copié hors du dépôt trouve sa convention depuis le dossier courant ; l'écart, sa ligne, le « pourquoi » et la liste des échecs")
    func copiedScenarioFails() throws {
        let files = try copiedScenario()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        let junit = files.directory + "/junit.xml"
        let output = try Executable.run(["replay", files.scenario, "Examples/scenarios/doubs-ccas-besancon-2025", "--junit", junit])
        #expect(output.status == 1)
        let text = output.stdout.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(text.contains("\(files.scenario):21: du : attendu 118 750,00 €, obtenu 118 250,00 €, écart \u{2212}500,00 €"))
        #expect(text.contains("  pourquoi : 70 % × 118 250 € = 82 775 €"))
        #expect(text.contains("\nEn échec :\n  Besançon – bilan remis à temps, acompte versé (\(files.scenario))\n"))
        #expect(text.hasSuffix("12 scénarios, 11 réussis, 1 en échec\n"))
        #expect(!text.contains("(s)"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("classname=\"Examples/scenarios/doubs-ccas-besancon-2025/1-nominal\""))
        #expect(xml.contains(" time=\""))
    }

    @Test("--filtre ne rejoue que les scénarios dont le nom contient le texte ; aucun : code 2")
    func filter() throws {
        let output = try Executable.run(["replay", "Examples", "--filtre", "BESANÇON – sans bilan"])
        #expect(output.status == 0)
        #expect(output.stdout.hasSuffix("1 scénario, 1 réussi, 0 en échec\n"))
        let none = try Executable.run(["replay", "Examples", "--filtre", "aucun scénario ne s'appelle ainsi"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("aucun scénario dont le nom contient « aucun scénario ne s'appelle ainsi »"))
    }
}
