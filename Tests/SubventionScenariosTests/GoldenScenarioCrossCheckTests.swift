import Foundation
import SubventionConventions
import SubventionCore
import SubventionScenarios
import Testing

/// The golden portfolio report cannot record a wrong figure unnoticed: for every convention settled on its bilan in
/// `Examples/rapports/portefeuille.json`, a hand-written scenario on the same bilan expects the same dotation due,
/// solde and reversement.
@Suite("Rapport attendu recoupé avec les scénarios écrits à la main")
struct GoldenScenarioCrossCheckTests {
    static let root = BundledScenariosTests.root

    @Test("Chaque convention réglée sur bilan : dû, reste à payer et reversement égaux à l'attendu d'un scénario")
    func goldenMatchesScenarios() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.root + "/Examples/rapports/portefeuille.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let lines = try #require(sections.first { $0["id"] as? String == "conventions" }?["lignes"] as? [[String: Any]])
        var checked = 0
        for line in lines where line["base"] as? String == "bilan" {
            let id = try #require(line["convention"] as? String)
            let bilanPath = Self.root + "/Examples/bilans/\(id).yaml"
            let scenarioFiles = try ScenarioRunner.scenarioFiles(at: Self.root + "/Examples/scenarios/\(id)")
            var matching: ScenarioFile?
            for path in scenarioFiles {
                let text = try ConventionFiles.readText(path: path)
                let scenario = try ConventionFiles.scenario(text: text, file: path, terms: ScenarioRunner.terms)
                guard scenario.expected.due != nil else { continue }
                let (bilan, _) = try ConventionFiles.loadBilan(
                    path: bilanPath, for: try ScenarioRunner.terms(conventionPath: scenario.conventionPath, structure: nil, operation: nil))
                if bilan.bilan == scenario.bilan {
                    matching = scenario
                    break
                }
            }
            guard let scenario = matching else {
                Issue.record("\(id) : aucun scénario écrit à la main sur le bilan d'Examples/bilans")
                continue
            }
            #expect(ScenarioRunner.run(scenario).passed, "\(scenario.path)")
            let expected = scenario.expected
            #expect(line["du"] as? String == expected.due?.machine, "\(id) : dû")
            if let solde = expected.solde { #expect(line["reste-a-payer"] as? String == solde.machine, "\(id) : reste à payer") }
            #expect(line["reversement"] as? String == (expected.reversement ?? .zero).machine, "\(id) : reversement")
            checked += 1
        }
        #expect(checked >= 5)
    }
}
