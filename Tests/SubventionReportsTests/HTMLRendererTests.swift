import Foundation
import SubventionCore
import Testing

@testable import SubventionReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("HTML : page autonome imprimable, calendrier en SVG")
struct HTMLRendererTests {
    /// What XMLParser saw of a page.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var monthBars: [String: [(height: Int, title: String)]] = [:]
        var htmlLanguage: String?
        private var month: String?
        private var rectHeight: Int?
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(name)
            text = ""
            if name == "html" { htmlLanguage = attributes["lang"] }
            if name == "g", attributes["class"] == "mois" { month = attributes["data-mois"] }
            if name == "rect", month != nil { rectHeight = attributes["height"].flatMap { Int($0) } }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title", let month, let height = rectHeight { monthBars[month, default: []].append((height, text)) }
            if name == "rect" { rectHeight = nil }
            if name == "g" { month = nil }
        }

        static func of(_ html: String) throws -> Outline {
            let parser = XMLParser(data: Data(html.utf8))
            let outline = Outline()
            parser.delegate = outline
            guard parser.parse() else { throw ParseFailure(message: "\(parser.parserError.map { "\($0)" } ?? "?")") }
            return outline
        }
    }

    struct ParseFailure: Error { let message: String }

    @Test("Bien formée pour XMLParser, avec un SVG à une barre par mois et les montants en français")
    func wellFormed() throws {
        let html = HTMLRenderer().render(try ReportFixture.report())
        let outline = try Outline.of(html)
        #expect(outline.htmlLanguage == "fr")
        #expect(outline.elements.filter { $0 == "svg" }.count == 1)
        #expect(outline.elements.filter { $0 == "table" }.count == 2)
        #expect(outline.monthBars.keys.sorted() == ["2024-08", "2025-03"])
        // One stacked bar per month: what is still to pay above what is paid, scaled on the largest month (180 px).
        let august = try #require(outline.monthBars["2024-08"])
        #expect(august.map(\.height) == [0, 180])
        #expect(august.map(\.title) == ["août 2024 : 0,00\u{A0}€ à venir", "août 2024 : 879\u{A0}769,20\u{A0}€ versés"])
        let march = try #require(outline.monthBars["2025-03"])
        #expect(march.map(\.height) == [120, 0])
        #expect(march[0].title == "mars 2025 : 586\u{A0}512,80\u{A0}€ à venir")
        #expect(html.contains("<text x=\"35\" y=\"216\" text-anchor=\"middle\">août 24</text>"))
        #expect(html.contains("<text x=\"85\" y=\"216\" text-anchor=\"middle\">mars 25</text>"))
    }

    @Test("Autonome et imprimable : CSS en ligne, @media print, ni script ni ressource externe, texte échappé")
    func selfContained() throws {
        let html = HTMLRenderer().render(try ReportFixture.report())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\" xmlns=\"http://www.w3.org/1999/xhtml\">\n"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<style>") && html.contains("@media print"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("<link"))
        #expect(html.contains("<title>Essai &lt;&amp;&gt;</title>"))
        #expect(html.contains("<td>=HYPERLINK(&quot;http://x&quot;)</td>"))
        #expect(html.contains("<td class=\"n\">-3\u{A0}000,00\u{A0}€</td>"))
        #expect(html.contains("<tr class=\"total\"><td>Total</td><td class=\"n\">1\u{A0}463\u{A0}282,00\u{A0}€</td><td class=\"n\"></td><td></td></tr>"))
        #expect(html.contains("<td class=\"n\">97,5</td>"))
    }

    @Test("Caractères interdits en XML retirés ; calendrier vide ou négatif toujours bien formé")
    func robustness() throws {
        let calendar = try PaymentCalendar(months: [.init(year: 2025, month: 1, paid: ReportFixture.reversement, due: .zero)])
        let report = Report(
            kind: "essai", title: "Bip\u{7} & co",
            sections: [
                ReportSection(id: "vide", title: "Vide", content: .calendar(try PaymentCalendar(months: []))),
                ReportSection(id: "negatif", title: "Négatif <b>non</b>", content: .calendar(calendar)),
            ])
        let html = HTMLRenderer().render(report)
        #expect(html.contains("<h1>Bip &amp; co</h1>"))
        #expect(html.contains("<h2>Négatif &lt;b&gt;non&lt;/b&gt;</h2>"))
        let outline = try Outline.of(html)
        #expect(outline.elements.filter { $0 == "svg" }.count == 2)
        #expect(outline.monthBars["2025-01"]?.map(\.height) == [0, 0])
        // The legend fits in a chart of one month.
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"200\" height=\"250\""))
    }
}
