import Foundation
import SubventionCore
import Testing

@testable import SubventionReports

@Suite("JSON : clés stables dans un ordre fixe, montants en chaînes machine")
struct JSONRendererTests {
    @Test("Relu par JSONSerialization : valeurs machine, jamais de nombres à virgule")
    func parsedBack() throws {
        let text = JSONRenderer().render(try ReportFixture.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "rapport", "titre", "sous-titre", "date", "sections"])
        #expect(object["format"] as? String == "subvention/rapport 1")
        #expect(object["rapport"] as? String == "essai")
        #expect(object["titre"] as? String == "Essai <&>")
        #expect(object["date"] as? String == "2025-12-31")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["lignes", "calendrier", "notes"])
        #expect(sections.map { $0["type"] as? String } == ["tableau", "calendrier", "paragraphes"])

        let table = sections[0]
        #expect(Set(table.keys) == ["id", "titre", "type", "colonnes", "lignes", "total"])
        let columns = try #require(table["colonnes"] as? [[String: String]])
        #expect(columns.map { $0["cle"] } == ["structure", "montant", "places", "date"])
        let rows = try #require(table["lignes"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { Set($0.keys) == ["structure", "montant", "places", "date"] })
        #expect(rows[0]["montant"] as? String == "879769.20")
        #expect(rows[0]["places"] as? String == "130")
        #expect(rows[0]["date"] as? String == "2024-07-15")
        #expect(rows[1]["montant"] as? String == "586512.80")
        #expect(rows[1]["places"] as? String == "97.5")
        #expect(rows[1]["date"] is NSNull)
        #expect(rows[2]["montant"] as? String == "-3000.00")
        #expect((table["total"] as? [String: Any])?["montant"] as? String == "1463282.00")

        let months = try #require(sections[1]["mois"] as? [[String: String]])
        #expect(months == [
            ["mois": "2024-08", "verse": "879769.20", "echu": "0.00", "a-verser": "0.00"],
            ["mois": "2025-03", "verse": "0.00", "echu": "0.00", "a-verser": "586512.80"],
        ])
        #expect(sections[2]["paragraphes"] as? [String] == ["Une remarque."])
    }

    @Test("L'ordre des clés est celui de docs/report-json.md, et les mêmes données donnent les mêmes octets")
    func keyOrder() throws {
        let report = try ReportFixture.report()
        let text = JSONRenderer().render(report)
        #expect(text == JSONRenderer().render(report))
        #expect(text.hasSuffix("}\n"))
        /// Where each key first appears after `start` (-1 when it does not), so that a missing key fails the order.
        func positions(_ keys: [String], after start: String = "") -> [Int] {
            let from = start.isEmpty ? text.startIndex : text.range(of: start)?.lowerBound ?? text.endIndex
            return keys.map { key in
                text.range(of: "\"\(key)\":", range: from..<text.endIndex).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1
            }
        }
        let top = positions(["format", "rapport", "titre", "sous-titre", "date", "sections"])
        #expect(top == top.sorted() && !top.contains(-1))
        let section = positions(["id", "titre", "type", "colonnes", "lignes", "total"], after: "\"id\": \"lignes\"")
        #expect(section == section.sorted() && !section.contains(-1))
        let row = positions(["structure", "montant", "places", "date"], after: "\"lignes\": [")
        #expect(row == row.sorted() && !row.contains(-1))
        #expect(text.contains("\"montant\": \"879769.20\""))
        #expect(!text.contains("879769.2,") && !text.contains(": 879769"))
    }

    @Test("Caractères de contrôle échappés")
    func escaping() throws {
        let report = Report(kind: "essai", title: "a\"b\\c\nd\u{1}", sections: [])
        let text = JSONRenderer().render(report)
        #expect(text.contains("\"titre\": \"a\\\"b\\\\c\\nd\\u0001\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["titre"] as? String == "a\"b\\c\nd\u{1}")
        #expect(object["date"] is NSNull)
        #expect((object["sections"] as? [Any])?.isEmpty == true)
    }
}
