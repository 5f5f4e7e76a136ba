import Foundation
import SubventionCSV
import SubventionCore
import Testing

@testable import SubventionReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Formats des rapports : mêmes chiffres partout")
struct RenderersTests {
    static let nbsp = "\u{A0}"

    static func report() throws -> Report {
        let avance = try Money(parsing: "879 769,20 €")
        let solde = try Money(parsing: "586 512,80 €")
        let reversement = try Money(parsing: "-3 000 €")
        let table = ReportTable(
            columns: [ReportColumn("structure", "Structure"), ReportColumn("montant", "Montant"), ReportColumn("date", "Date")],
            rows: [
                [.text("État"), .money(avance), .date(CalendarDate(year: 2024, month: 7, day: 15)!)],
                [.text("=HYPERLINK(\"http://x\")"), .money(solde), .empty],
                [.text("CCAS | Lens"), .money(reversement), .empty],
            ],
            total: [.text("Total"), .money(try avance + solde + reversement), .empty])
        let calendar = PaymentCalendar(months: [
            .init(year: 2024, month: 8, paid: avance, due: .zero),
            .init(year: 2025, month: 3, paid: .zero, due: solde),
        ])
        return Report(
            kind: "essai", title: "Essai <&>", subtitle: ["Sous-titre"], asOf: CalendarDate(year: 2025, month: 12, day: 31),
            sections: [
                ReportSection(id: "lignes", title: "Lignes", content: .table(table)),
                ReportSection(id: "calendrier", title: "Calendrier", content: .calendar(calendar)),
                ReportSection(id: "notes", title: "Notes", content: .paragraphs(["Une remarque."])),
            ])
    }

    @Test("Texte aligné en français")
    func text() throws {
        let text = TextRenderer.render(try Self.report()).replacingOccurrences(of: Self.nbsp, with: " ")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Essai <&>")
        #expect(lines.contains("Situation au 31 décembre 2025"))
        #expect(lines.contains("Structure                      Montant  Date"))
        #expect(lines.contains("État                      879 769,20 €  15/07/2024"))
        #expect(lines.contains("CCAS | Lens                -3 000,00 €"))
        #expect(lines.contains("Total                   1 463 282,00 €"))
        #expect(lines.contains("août 2024  879 769,20 €        0,00 €"))
    }

    @Test("Markdown : tableaux, montants alignés à droite, barres verticales échappées")
    func markdown() throws {
        let markdown = MarkdownRenderer.render(try Self.report()).replacingOccurrences(of: Self.nbsp, with: " ")
        #expect(markdown.contains("| Structure | Montant | Date |\n| --- | ---: | --- |"))
        #expect(markdown.contains("| CCAS \\| Lens | -3 000,00 € |  |"))
        #expect(markdown.contains("| **Total** | **1 463 282,00 €** |  |"))
    }

    @Test("CSV RFC 4180 : clés, montants machine, formule neutralisée, négatif intact")
    func csvRFC4180() throws {
        let bytes = try CSVRenderer.render(try Self.report(), dialect: .rfc4180)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == """
            structure,montant,date\r
            État,879769.20,2024-07-15\r
            "'=HYPERLINK(""http://x"")",586512.80,\r
            CCAS | Lens,-3000.00,\r
            Total,1463282.00,\r

            """)
    }

    @Test("CSV Excel-FR : BOM, « ; », virgule décimale, titres français")
    func csvExcelFrench() throws {
        let bytes = try CSVRenderer.render(try Self.report(), dialect: .excelFrench)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Structure;Montant;Date\r\nÉtat;879769,20;2024-07-15\r\n\"'=HYPERLINK(\"\"http://x\"\")\";586512,80;\r\n"))
        #expect(text.contains("CCAS | Lens;-3000,00;"))
        let table = try CSVReader.table(bytes: bytes)
        #expect(table.delimiter == .semicolon)
        #expect(table.records.count == 4)
        #expect(table.records[1][0] == "'=HYPERLINK(\"http://x\")")
    }

    @Test("CSV : la section du calendrier, et une section inconnue refusée")
    func csvSections() throws {
        let text = String(decoding: try CSVRenderer.render(try Self.report(), section: "calendrier", dialect: .rfc4180), as: UTF8.self)
        #expect(text.hasPrefix("mois,verse,a-verser\r\naoût 2024,879769.20,0.00\r\n"))
        #expect(throws: CSVRenderer.NoTable.self) { try CSVRenderer.render(try Self.report(), section: "inconnue", dialect: .rfc4180) }
    }

    @Test("JSON : clés stables, montants en chaînes machine")
    func json() throws {
        let text = JSONRenderer.render(try Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["rapport"] as? String == "essai")
        #expect(object["date"] as? String == "2025-12-31")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["lignes", "calendrier", "notes"])
        let rows = try #require(sections[0]["lignes"] as? [[String: Any]])
        #expect(rows[0]["montant"] as? String == "879769.20")
        #expect(rows[2]["montant"] as? String == "-3000.00")
        #expect((sections[0]["total"] as? [String: Any])?["montant"] as? String == "1463282.00")
        let months = try #require(sections[1]["mois"] as? [[String: Any]])
        #expect(months.map { $0["mois"] as? String } == ["2024-08", "2025-03"])
        #expect(text.firstRange(of: "\"format\"")!.lowerBound < text.firstRange(of: "\"rapport\"")!.lowerBound)
    }

    @Test("HTML : page autonome bien formée avec le calendrier en SVG")
    func html() throws {
        let html = HTMLRenderer.render(try Self.report())
        #expect(html.contains("<title>Essai &lt;&amp;&gt;</title>"))
        #expect(!html.contains("http://x\"") && !html.contains("<script"))
        final class Collector: NSObject, XMLParserDelegate {
            var svgs = 0
            var monthGroups = 0
            var rects = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "svg" { svgs += 1 }
                if name == "rect" { rects += 1 }
                if name == "g", attributes["class"] == "mois" { monthGroups += 1 }
            }
        }
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.svgs == 1)
        #expect(collector.monthGroups == 2)
        #expect(collector.rects == 2 * 2 + 2)
        #expect(html.contains("height=\"180\" fill=\"#3a8a4f\""))
    }
}
