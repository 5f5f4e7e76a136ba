import Foundation
import SubventionScenarios
import SubventionTesting
import Testing

/// Every scenario under `Examples/scenarios` holds, through the helper auditors use in their own tests.
@Suite("Scénarios fournis")
struct BundledScenariosTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let scenarios = (try? ScenarioRunner.scenarioFiles(at: root + "/Examples/scenarios")) ?? []

    @Test("Au moins cinq scénarios par convention fournie")
    func fivePerConvention() throws {
        let conventions = try FileManager.default.subpathsOfDirectory(atPath: Self.root + "/Conventions")
            .filter { $0.hasSuffix(".yaml") }
            .filter { file in  // budget files (subvention/budget 1) hold budget lines, not conventions
                let text = (try? String(contentsOfFile: Self.root + "/Conventions/" + file, encoding: .utf8)) ?? ""
                return !text.contains("\nformat: subvention/budget 1\n")
            }
        #expect(conventions.count == 10)
        let byGroup = Dictionary(grouping: Self.scenarios) { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent }
        // One group per bundled convention, plus the co-financing and linked-conventions examples of
        // Examples/conventions (issue 12), whose scenarios have a group of their own.
        #expect(byGroup.count == conventions.count + 2)
        #expect(byGroup["alpes-maritimes-cofinancement-pauvrete-2023"] != nil)
        #expect(byGroup["alpes-maritimes-contractualisation-pauvrete-2024"] != nil)
        for (group, files) in byGroup { #expect(files.count >= 5, "\(group)") }
    }

    @Test("Chaque scénario se rejoue au centime", arguments: scenarios)
    func replays(_ path: String) {
        let result = expectScenario(path)
        #expect(result.notes.isEmpty, "la convention a changé depuis l'enregistrement : \(result.notes)")
    }
}
