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
        /// The months of the chart, in order (`g.mois[data-mois]`).
        var months: [String] = []
        /// The amount axis's graduations: value in cents and label.
        var graduations: [(cents: Int64, label: String)] = []
        /// The amounts written above the bars, by month.
        var printedAmounts: [String: String] = [:]
        private var graduation: Int64?
        private var amountLabel = false
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
            if name == "g", attributes["class"] == "mois" {
                month = attributes["data-mois"]
                months.append(attributes["data-mois"] ?? "?")
            }
            if name == "text", attributes["class"] == "graduation" { graduation = attributes["data-centimes"].flatMap { Int64($0) } }
            if name == "text", attributes["class"] == "montant" { amountLabel = true }
            if name == "rect", month != nil { rectHeight = attributes["height"].flatMap { Int($0) } }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title", let month, let height = rectHeight { monthBars[month, default: []].append((height, text)) }
            if name == "rect" { rectHeight = nil }
            if name == "text", let value = graduation { graduations.append((value, text)) }
            if name == "text", amountLabel, let month { printedAmounts[month] = text }
            if name == "text" {
                graduation = nil
                amountLabel = false
            }
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
        // Every month from the first to the last, those without payments included.
        #expect(outline.months == ["2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"])
        #expect(outline.monthBars.keys.sorted() == ["2024-08", "2025-03"])
        // Scale: graduations every 200 000 € up to 1 000 000 € (200 px), so 879 769,20 € is 175 px high.
        let august = try #require(outline.monthBars["2024-08"])
        #expect(august.map(\.height) == [175])
        #expect(august.map(\.title) == ["août 2024 : 879\u{A0}769,20\u{A0}€ versés"])
        let march = try #require(outline.monthBars["2025-03"])
        #expect(march.map(\.height) == [117])
        #expect(march[0].title == "mars 2025 : 586\u{A0}512,80\u{A0}€ à venir")
        #expect(outline.graduations.map(\.cents) == [0, 20_000_000, 40_000_000, 60_000_000, 80_000_000, 100_000_000])
        #expect(outline.graduations.last?.label == "1\u{A0}000\u{A0}000\u{A0}€")
        #expect(outline.printedAmounts == ["2024-08": "879\u{A0}769,20\u{A0}€", "2025-03": "586\u{A0}512,80\u{A0}€"])
        #expect(html.contains("<text x=\"116\" y=\"320\" text-anchor=\"middle\">août</text>"))
        #expect(html.contains("<text class=\"annee\" x=\"116\" y=\"334\" text-anchor=\"middle\">2024</text>"))
        #expect(html.contains("<text class=\"annee\" x=\"316\" y=\"334\" text-anchor=\"middle\">2025</text>"))
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

    @Test("Pour l'impression : A4 paysage, date de situation et numéro sur chaque page, en-têtes répétés, montants alignés")
    func printable() throws {
        var report = try ReportFixture.report()
        report.sections.append(
            ReportSection(
                id: "conventions", title: "Conventions",
                content: .table(
                    ReportTable(
                        columns: [ReportColumn("convention", "Convention"), ReportColumn("montant", "Montant")],
                        rows: [[.labelled(id: "doubs-ccas-besancon-2025", label: "Action sociale « de proximité »"), .money(ReportFixture.avance)]]))))
        let html = HTMLRenderer().render(report)
        #expect(html.contains("size: A4 landscape;"))
        #expect(html.contains("@bottom-left { content: \"Essai \\3C \\26 > – situation au 31 décembre 2025\";"))
        #expect(html.contains("@bottom-right { content: \"Page \" counter(page) \" sur \" counter(pages);"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("svg { max-width: 100%; height: auto; }"))
        // A money column's header is right-aligned like its figures; a text column's is not.
        #expect(html.contains("<thead><tr><th>Structure</th><th class=\"n\">Montant</th><th class=\"n\">Places</th><th>Date</th></tr></thead>"))
        // The convention by its title (the id kept for tools), guillemets with no-break spaces.
        #expect(html.contains("<td data-id=\"doubs-ccas-besancon-2025\">Action sociale «\u{A0}de proximité\u{A0}»</td>"))
        #expect(!html.contains("« ") && !html.contains(" »"))
        _ = try Outline.of(html)
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
        // A negative month (a reversement) draws no bar, and the chart still has its axis.
        #expect(outline.months == ["2025-01"])
        #expect(outline.monthBars["2025-01"] == nil)
        #expect(outline.graduations.map(\.cents) == [0, 100, 0, 100])
        // The legend fits in a chart of one month.
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"556\" height=\"368\""))
    }
}
