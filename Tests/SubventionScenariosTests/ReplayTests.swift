import Foundation
import SubventionScenarios
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

    @Test("Les empreintes sont des SHA-256")
    func fingerprint() {
        #expect(FileFingerprint.of(bytes: Array("abc".utf8))
            == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
