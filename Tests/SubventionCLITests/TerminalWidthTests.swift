import Foundation
import Testing

/// Text output fits the terminal: at `COLUMNS=100` no line is wider than 100 columns and no amount is split
/// across lines; `--large` shows every column.
@Suite("Texte à la largeur du terminal, --large pour tout voir")
struct TerminalWidthTests {
    static let commands: [[String]] = [
        ["report", "Conventions/", "--as-of", "2025-12-31"],
        ["batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--as-of", "2024-07-15"],
        [
            "batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--table",
            "Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv",
        ],
        [
            "entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--bilan",
            "Examples/bilans/maine-et-loire-ccas-angers-2025.yaml", "--as-of", "2026-01-01",
        ],
        [
            "entitlement", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--structure", "CC Osartis Marquion",
            "--operation", "op1-referent-solidarite", "--bilan", "Examples/bilans/structures/osartis-marquion-2023.yaml",
            "--as-of", "2024-04-01",
        ],
        ["check", "Conventions/"],
        ["budget", "--as-of", "2025-12-31"],
    ]

    /// The places where an amount would be split: a line ending inside a figure and the next one going on with it —
    /// « 60 000, » then « 00 € », « 60 000 » then « ,00 € », « 60 » then « 000,00 € », « 60 000,00 » then « € ».
    static func splitAmounts(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let space = "[\u{A0}\u{202F} ]"
        let patterns = [
            (#"\d,$"#, #"^\d\d(?!\d)"#),
            (#"\d\#(space)?$"#, #"^(,\d\d(?!\d)|\d{3}(?!\d)(,\d\d|\#(space)|$)|€)"#),
        ]
        var found: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) {
            let start = String(next.drop { $0 == " " })
            for (end, continuation) in patterns
            where line.range(of: end, options: .regularExpression) != nil
                && start.range(of: continuation, options: .regularExpression) != nil
            {
                found.append(line + "⏎" + next)
            }
        }
        return found
    }

    /// A cell's width as people see it (an ANSI-free line: one column per character).
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    @Test("Le détecteur de montants coupés n'est pas aveugle")
    func detectorFindsSplits() {
        #expect(Self.splitAmounts(in: "Total   60\u{A0}000,\n00\u{A0}€").count == 1)
        #expect(Self.splitAmounts(in: "Total   60\u{A0}000\n  ,00\u{A0}€").count == 1)
        #expect(Self.splitAmounts(in: "Total   60\u{A0}000,00\n€").count == 1)
        #expect(Self.splitAmounts(in: "Total   60\u{A0}\n000,00\u{A0}€").count == 1)
        #expect(Self.splitAmounts(in: "Total   60\u{A0}000,00\u{A0}€\nLigne 2").isEmpty)
    }

    @Test("COLUMNS=100 : aucune ligne de plus de 100 colonnes, aucun montant coupé", arguments: commands)
    func fitsHundredColumns(_ arguments: [String]) throws {
        let output = try Executable.run(arguments, environment: ["COLUMNS": "100"])
        #expect([0, 1].contains(output.status), "\(arguments) : \(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count > 10)
        let wide = lines.filter { $0.count > 100 }
        #expect(wide.isEmpty, "\(arguments) : \(wide.first ?? "")")
        #expect(Self.splitAmounts(in: output.stdout).isEmpty, "\(arguments) : \(Self.splitAmounts(in: output.stdout))")
        #expect(!output.stdout.contains("\u{1B}"), "pas de couleur hors terminal")
        // The same at 60 columns, for the tables that can fit: never an amount split.
        let narrow = try Executable.run(arguments, environment: ["COLUMNS": "60"])
        #expect(Self.splitAmounts(in: narrow.stdout).isEmpty, "\(arguments) : \(Self.splitAmounts(in: narrow.stdout))")
    }

    @Test("--large montre toutes les colonnes de chaque tableau, sans rien masquer", arguments: commands)
    func largeShowsEveryColumn(_ arguments: [String]) throws {
        let large = try Executable.run(arguments + ["--large"], environment: ["COLUMNS": "100"])
        let json = try Executable.run(arguments + ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json.bytes) as? [String: Any])
        let sections = try #require(report["sections"] as? [[String: Any]])
        let lines = large.stdout.split(separator: "\n").map(String.init)
        var tables = 0
        for section in sections {
            guard let columns = section["colonnes"] as? [[String: Any]], let rows = section["lignes"] as? [Any], !rows.isEmpty
            else { continue }
            tables += 1
            let titles = columns.compactMap { $0["titre"] as? String }
            // One header line holds every title, in order, two spaces apart at least.
            let header = lines.first { line in
                var rest = Substring(line)
                for title in titles {
                    guard let range = rest.range(of: title) else { return false }
                    rest = rest[range.upperBound...]
                }
                return true
            }
            #expect(header != nil, "\(arguments) : \(section["id"] ?? "") : \(titles)")
        }
        #expect(tables > 0)
        #expect(!large.stdout.contains("colonnes masquées") && !large.stdout.contains("colonne masquée"))
        let fitted = try Executable.run(arguments, environment: ["COLUMNS": "100"])
        // The documents' long titles and messages make the full tables wider than 100 columns.
        #expect(Self.widest(large.stdout) > 100)
        #expect(fitted.stdout.contains("--large pour tout afficher"))
    }
}
