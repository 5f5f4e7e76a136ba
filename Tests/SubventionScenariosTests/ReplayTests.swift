import Foundation
import SubventionCore
@testable import SubventionScenarios
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Rejeu : différences, empreinte, JUnit")
struct ReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A scratch copy of a convention and one scenario, so the test can change them.
    func scratch() throws -> (directory: String, convention: String, scenario: String) {
        let directory = NSTemporaryDirectory() + "subvention-replay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/sc", withIntermediateDirectories: true)
        let convention = directory + "/angers.yaml"
        try FileManager.default.copyItem(
            atPath: Self.root + "/Conventions/maine-et-loire/ccas-angers-2025.yaml", toPath: convention)
        let scenario = directory + "/sc/reversement.yaml"
        let original = try String(
            contentsOfFile: Self.root + "/Examples/scenarios/maine-et-loire-ccas-angers-2025/4-reversement.yaml",
            encoding: .utf8)
        let text = original.replacingOccurrences(
            of: "../../../Conventions/maine-et-loire/ccas-angers-2025.yaml", with: "../angers.yaml")
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        return (directory, convention, scenario)
    }

    @Test("Un centime de trop fait échouer le scénario avec un diff lisible")
    func oneCentFails() throws {
        let files = try scratch()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        #expect(ScenarioRunner.run(path: files.scenario).passed)
        let text = try String(contentsOfFile: files.scenario, encoding: .utf8)
            .replacingOccurrences(of: "reversement: \"3 000,00 €\"", with: "reversement: \"3 000,01 €\"")
        try text.write(toFile: files.scenario, atomically: true, encoding: .utf8)
        let result = ScenarioRunner.run(path: files.scenario)
        #expect(!result.passed)
        #expect(result.differences.map(\.field) == ["reversement"])
        let report = result.report.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(report.contains("reversement : attendu 3 000,01 €, obtenu 3 000,00 €"))
        #expect(report.contains("Participation du Département : 50 % de 90 000,00 €"))
    }

    @Test("Une convention modifiée après l'enregistrement est signalée, le scénario tourne quand même")
    func changedConventionIsReported() throws {
        let files = try scratch()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        #expect(ScenarioRunner.run(path: files.scenario).notes.isEmpty)
        let handle = try #require(FileHandle(forWritingAtPath: files.convention))
        handle.seekToEndOfFile()
        handle.write(Data("# modifiée\n".utf8))
        handle.closeFile()
        let result = ScenarioRunner.run(path: files.scenario)
        #expect(result.passed)
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.contains("a changé depuis l'enregistrement") == true)
    }

    @Test("Le rapport JUnit est du XML valide avec un échec par scénario en échec")
    func junitParses() throws {
        let passing = ScenarioResult(path: "a.yaml", name: "A & B")
        let failing = ScenarioResult(
            path: "b.yaml", name: "B <1>",
            differences: [ScenarioDifference(field: "du", expected: "1,00 €", actual: "2,00 €")])
        let xml = JUnitReport.xml([passing, failing])
        final class Counter: NSObject, XMLParserDelegate {
            var testcases = 0
            var failures = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "testcase" { testcases += 1 }
                if name == "failure" { failures += 1 }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.testcases == 2)
        #expect(counter.failures == 1)
        #expect(xml.contains("name=\"A &amp; B\""))
    }

    @Test("Un écart montre son signe, la ligne de la valeur attendue et le « pourquoi » du scénario")
    func gapLineAndReason() throws {
        let files = try scratch()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        let text = try String(contentsOfFile: files.scenario, encoding: .utf8)
            .replacingOccurrences(of: "du: \"45 000,00 €\"", with: "du: \"45 500,00 €\"")
            .replacingOccurrences(of: "reversement: \"3 000,00 €\"", with: "reversement: \"2 999,99 €\"")
        try text.write(toFile: files.scenario, atomically: true, encoding: .utf8)
        let result = ScenarioRunner.run(path: files.scenario)
        #expect(result.differences.map(\.field) == ["du", "reversement"])
        #expect(result.differences.map { $0.gap?.replacingOccurrences(of: "\u{A0}", with: " ") } == ["\u{2212}500,00 €", "+0,01 €"])
        #expect(result.differences.map(\.location) == ["\(files.scenario):19", "\(files.scenario):20"])
        let report = result.report.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(report.contains("\(files.scenario):19: du : attendu 45 500,00 €, obtenu 45 000,00 €, écart \u{2212}500,00 €"))
        #expect(report.contains("reversement : attendu 2 999,99 €, obtenu 3 000,00 €, écart +0,01 €"))
        #expect(report.contains("pourquoi : 50 % × 90 000 € = 45 000 € ; 48 000 € versés → titre de recettes de 3 000 €"))
        #expect(result.duration > .zero)
    }

    @Test("Un montant manquant n'a pas d'écart chiffré ; un scénario réussi ne montre pas son « pourquoi »")
    func missingAmountHasNoGap() throws {
        let files = try scratch()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        #expect(!ScenarioRunner.run(path: files.scenario).report.contains("pourquoi"))
        let text = try String(contentsOfFile: files.scenario, encoding: .utf8)
            .replacingOccurrences(of: "  attendu:\n", with: "  attendu:\n    composantes:\n      inexistante: \"1,00 €\"\n")
        try text.write(toFile: files.scenario, atomically: true, encoding: .utf8)
        let result = ScenarioRunner.run(path: files.scenario)
        let difference = try #require(result.differences.first)
        #expect(difference.field == "composantes.inexistante")
        #expect(difference.gap == nil)
        #expect(difference.location == "\(files.scenario):20")
        #expect(difference.actual == "aucune composante de ce nom")
    }

    @Test("Un écart au-delà des montants représentables est dit incalculable, jamais faux")
    func gapOverflow() {
        let difference = ScenarioDifference(field: "du", expected: Money(cents: Int64.min + 1), actual: Money(cents: Int64.max))
        #expect(difference.gap == "incalculable (dépassement de capacité)")
        #expect(ScenarioDifference(field: "du", expected: Money(cents: 1), actual: Money(cents: 1)).gap == "0,00\u{A0}€")
    }

    @Test("JUnit : classname relatif sans point ni extension, temps en secondes")
    func junitClassNameAndTime() {
        #expect(JUnitReport.className("/repo/Examples/scenarios/doubs/1-solde.v2.yaml", relativeTo: "/repo")
            == "Examples/scenarios/doubs/1-solde_v2")
        #expect(JUnitReport.className("./a/b.yaml", relativeTo: nil) == "a/b")
        #expect(JUnitReport.className("/elsewhere/x.yaml", relativeTo: "/repo") == "elsewhere/x")
        #expect(JUnitReport.seconds(.milliseconds(1234)) == "1.234")
        #expect(JUnitReport.seconds(.microseconds(7500)) == "0.007")
        #expect(JUnitReport.seconds(.zero) == "0.000")
        var result = ScenarioResult(path: "/repo/Examples/s.yaml", name: "S")
        result.duration = .milliseconds(12)
        let xml = JUnitReport.xml([result, result], relativeTo: "/repo")
        #expect(xml.contains("<testcase classname=\"Examples/s\" name=\"S\" time=\"0.012\"/>"))
        #expect(xml.contains("errors=\"0\" time=\"0.024\">"))
    }

    @Test("Les empreintes sont des SHA-256")
    func fingerprint() {
        #expect(FileFingerprint.of(bytes: Array("abc".utf8))
            == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
