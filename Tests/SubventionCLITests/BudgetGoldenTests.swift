import Foundation
import Testing

/// The budget report of the bundled files against the expected files in `Examples/rapports`.
///
/// `SUBVENTION_RECORD_GOLDEN=1 swift test` re-records them on purpose.
@Suite("Rapport budgétaire attendu (Examples/rapports)")
struct BudgetGoldenTests {
    static let cases: [(file: String, arguments: [String])] = [
        ("budget.txt", ["budget", "--as-of", "2025-06-30"]),
        ("budget.json", ["budget", "--as-of", "2025-06-30", "--format", "json"]),
    ]

    @Test("Le rapport budgétaire est identique au fichier attendu", arguments: cases.indices)
    func matches(_ index: Int) throws {
        let (file, arguments) = Self.cases[index]
        let output = try Executable.run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let path = Executable.root + "/Examples/rapports/" + file
        if ProcessInfo.processInfo.environment["SUBVENTION_RECORD_GOLDEN"] == "1" {
            try output.bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "\(path) manquant")
        #expect(output.bytes == expected, "\(file) diffère ; SUBVENTION_RECORD_GOLDEN=1 pour le réenregistrer")
    }
}
