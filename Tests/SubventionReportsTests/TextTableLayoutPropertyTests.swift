import SubventionCore
import Testing

@testable import SubventionReports

/// Text tables at any width (2 000 seeded cases): no line wider than the width, no amount split or cut, every
/// text kept word for word, every hidden column named under the table.
@Suite("Texte : tableaux à toute largeur, montants jamais coupés")
struct TextTableLayoutPropertyTests {
    /// SplitMix64: the same cases on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
    }

    static let words = [
        "Convention", "départementale", "pour", "l'insertion", "et", "l'emploi", "–", "CCAS", "d'Angers", "«", "»",
        ":", ";", "l.", "419", "Département", "du", "Pas-de-Calais", "titre", "de", "recettes", "versé", "le",
        "15/06/2023", "anticonstitutionnellement-très-long-identifiant-de-fichier.yaml", "(SAAS)", "92", "€",
    ]

    static func text(_ generator: inout Generator, words count: Int) -> String {
        (0..<count).map { _ in words[generator.int(0...(words.count - 1))] }.joined(separator: " ")
    }

    @Test("2 000 tableaux, largeurs de 40 à 160")
    func anyWidth() throws {
        var generator = Generator(state: 16)
        for _ in 0..<2_000 {
            let columnCount = generator.int(2...8)
            let importances: [ReportColumn.Importance] = [.low, .normal, .high]
            // Titles start with a unique « Cn » so that the line naming hidden columns can be read.
            var columns = [ReportColumn("c0", "C0 " + Self.text(&generator, words: generator.int(0...3)))]
            var kinds = ["text"]
            for index in 1..<columnCount {
                let kind = ["text", "money", "money", "date", "integer"][generator.int(0...4)]
                kinds.append(kind)
                columns.append(
                    ReportColumn(
                        "c\(index)", "C\(index) " + Self.text(&generator, words: generator.int(0...3)),
                        importance: importances[generator.int(0...2)]))
            }
            var rows: [[ReportCell]] = []
            for _ in 0..<generator.int(1...6) {
                rows.append(
                    kinds.map { kind -> ReportCell in
                        switch kind {
                        case "money": return .money(Money(cents: Int64(generator.int(-1_000_000_000...1_000_000_000))))
                        case "date": return .date(CalendarDate(year: 2024, month: generator.int(1...12), day: generator.int(1...28))!)
                        case "integer": return .integer(generator.int(0...100_000))
                        default: return generator.int(0...5) == 0 ? .empty : .text(Self.text(&generator, words: generator.int(1...25)))
                        }
                    })
            }
            let width = generator.int(40...160)
            let report = Report(
                kind: "essai", title: "Essai",
                sections: [ReportSection(id: "t", title: "T", content: .table(ReportTable(columns: columns, rows: rows)))])
            let rendered = TextRenderer(width: width).render(report)
            let lines = rendered.split(separator: "\n").map(String.init)
            let wide = lines.filter { $0.count > width }
            #expect(wide.isEmpty, "largeur \(width) : \(wide.first ?? "")")
            // The hidden columns are named; every shown amount is whole on one line.
            let note = rendered.split(separator: "\n").drop { !$0.hasPrefix("(colonne") }.joined(separator: " ")
            let isHidden = { (index: Int) in note.contains("C\(index) ") || note.hasSuffix("C\(index)") || note.contains("C\(index),") || note.contains("C\(index) ;") }
            for index in columns.indices {
                guard !isHidden(index), kinds[index] == "money" else { continue }
                for row in rows {
                    let amount = row[index].french
                    #expect(lines.contains { $0.contains(amount) }, "largeur \(width) : \(amount) coupé")
                }
            }
            // Every word of every text cell is kept (texts wrap, never cut), unless its column is hidden.
            let everything = rendered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for (index, kind) in kinds.enumerated() where kind == "text" && !isHidden(index) {
                for row in rows {
                    for word in row[index].french.split(separator: " ") where word.count <= 20 {
                        #expect(everything.contains(word), "largeur \(width) : « \(word) » perdu")
                    }
                }
            }
            #expect(!rendered.contains("…"))
        }
    }

    @Test("--large : aucune colonne masquée, aucun texte replié")
    func unlimited() throws {
        let table = ReportTable(
            columns: [ReportColumn("a", "Convention"), ReportColumn("b", "Montant", importance: .low)],
            rows: [[.text(String(repeating: "mot ", count: 60)), .money(Money(cents: 123_456_789))]])
        let report = Report(kind: "essai", title: "T", sections: [ReportSection(id: "t", title: "T", content: .table(table))])
        let large = TextRenderer(width: nil).render(report)
        #expect(!large.contains("masquée"))
        #expect(large.split(separator: "\n").count == 7)
        let fitted = TextRenderer(width: 60).render(report)
        #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(fitted.contains("1\u{A0}234\u{A0}567,89\u{A0}€"))
    }
}
