import Foundation
import Testing

/// The reports of the bundled conventions, in every format, against the expected files in `Examples/rapports`.
///
/// `SUBVENTION_RECORD_GOLDEN=1 swift test` re-records them on purpose.
@Suite("Rapports attendus (Examples/rapports)")
struct GoldenReportsTests {
    static let cases: [(file: String, arguments: [String])] = [
        ("portefeuille.txt", ["report", "--as-of", "2025-12-31"]),
        ("portefeuille.json", ["report", "--as-of", "2025-12-31", "--format", "json"]),
        ("portefeuille.md", ["report", "--as-of", "2025-12-31", "--format", "markdown"]),
        ("portefeuille.html", ["report", "--as-of", "2025-12-31", "--format", "html"]),
        ("portefeuille.csv", ["report", "--as-of", "2025-12-31", "--format", "csv"]),
        ("portefeuille-excel-fr.csv", ["report", "--as-of", "2025-12-31", "--format", "csv", "--csv-dialect", "excel-fr"]),
        ("calendrier.csv", ["report", "--as-of", "2025-12-31", "--format", "csv", "--section", "calendrier"]),
        ("lot-pas-de-calais-2023.txt", ["batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--as-of", "2024-07-15"]),
        (
            "lot-pas-de-calais-2023-bilan.csv",
            [
                "batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--table",
                "Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv", "--format", "csv", "--csv-dialect", "excel-fr",
            ]
        ),
        (
            "droits-osartis-marquion.md",
            [
                "entitlement", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--structure", "CC Osartis Marquion",
                "--operation", "op1-referent-solidarite", "--bilan", "Examples/bilans/structures/osartis-marquion-2023.yaml",
                "--as-of", "2024-04-01", "--what-if", "quantite-realisee=120", "--format", "markdown",
            ]
        ),
    ]

    @Test("Chaque rapport est identique au fichier attendu", arguments: cases.indices)
    func matches(_ index: Int) throws {
        let (file, arguments) = Self.cases[index]
        let output = try Executable.run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let path = Executable.root + "/Examples/rapports/" + file
        if ProcessInfo.processInfo.environment["SUBVENTION_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Executable.root + "/Examples/rapports", withIntermediateDirectories: true)
            try output.bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "\(path) manquant")
        #expect(output.bytes == expected, "\(file) diffère ; SUBVENTION_RECORD_GOLDEN=1 pour le réenregistrer")
    }
}
