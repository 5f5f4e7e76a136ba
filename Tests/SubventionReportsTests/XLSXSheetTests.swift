import Foundation
import SubventionCore
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import SubventionReports

@Suite("XLSX : une feuille par section, montants en nombres, dates en dates, texte jamais formule")
struct XLSXSheetTests {
    @Test("Cellules typées : 879 769,20 € en nombre au format euro, le 15/07/2024 en date 45488, « =HYPERLINK » en texte")
    func typedCells() throws {
        let sheet = XLSXSheet(name: "Lignes", table: try ReportFixture.table())
        let xml = String(decoding: try sheet.xml(), as: UTF8.self)
        #expect(xml.contains("<c r=\"B2\" s=\"1\"><v>879769.20</v></c>"))
        #expect(xml.contains("<c r=\"B4\" s=\"1\"><v>-3000.00</v></c>"))
        #expect(xml.contains("<c r=\"D2\" s=\"2\"><v>45488</v></c>"))
        #expect(xml.contains("<c r=\"C3\" s=\"0\"><v>97.5</v></c>"))
        #expect(xml.contains("<c r=\"A3\" s=\"0\" t=\"inlineStr\"><is><t>=HYPERLINK(&quot;http://x&quot;)</t></is></c>"))
        #expect(!xml.contains("<f>"))
    }

    @Test("En-tête gras et figé, filtre sur les seules données, total gras séparé par une ligne vide, largeurs ajustées")
    func layout() throws {
        let sheet = XLSXSheet(name: "Lignes", table: try ReportFixture.table())
        let xml = String(decoding: try sheet.xml(), as: UTF8.self)
        #expect(xml.contains("<row r=\"1\"><c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t>Structure</t></is></c>"))
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\" />"))
        #expect(xml.contains("<autoFilter ref=\"A1:D4\" />"))
        #expect(!xml.contains("<row r=\"5\">"))
        #expect(xml.contains("<row r=\"6\"><c r=\"A6\" s=\"3\" t=\"inlineStr\"><is><t>Total</t></is></c><c r=\"B6\" s=\"4\"><v>1463282.00</v></c></row>"))
        // « =HYPERLINK("http://x") » is 22 characters: width 24.
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"24\" customWidth=\"1\" />"))
    }

    @Test("Noms de feuilles : 31 caractères au plus, sans []:*?/\\, uniques")
    func names() {
        var used: Set<String> = []
        let long = String(repeating: "Calendrier des versements ", count: 3)
        #expect(XLSXSheet.uniqueName("Totaux [2025] : a/b", used: &used) == "Totaux  2025    a b")
        #expect(XLSXSheet.uniqueName(long, used: &used) == String(long.prefix(31)))
        #expect(XLSXSheet.uniqueName(long, used: &used) == String(long.prefix(27)) + " (2)")
        #expect(XLSXSheet.uniqueName("''", used: &used) == "Feuille")
        #expect(XLSXSheet.column(0) == "A" && XLSXSheet.column(25) == "Z" && XLSXSheet.column(26) == "AA" && XLSXSheet.column(701) == "ZZ")
    }

    @Test("Parties écrites par XMLCoder : XML bien formé, espaces gardés, caractères de contrôle écartés, & < > ' \" échappés")
    func partsAreWellFormed() throws {
        let table = ReportTable(
            columns: [ReportColumn("texte", "Texte <&>")],
            rows: [[.text(" CCAS d'Arras & \"Lens\"\u{7} ")], [.text("=1+1")]])
        let sheet = XLSXSheet(name: "L'onglet", table: table)
        let xml = String(decoding: try sheet.xml(), as: UTF8.self)
        #expect(xml.contains("<t xml:space=\"preserve\"> CCAS d&apos;Arras &amp; &quot;Lens&quot; </t>"), "\(xml)")
        #expect(xml.contains("<t>Texte &lt;&amp;&gt;</t>"))
        #expect(xml.contains("<is><t>=1+1</t></is>") && !xml.contains("<f>"))
        for (path, data) in try XLSXRenderer.parts([sheet], title: "Essai \u{1} & co") {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path) : \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(String(decoding: data, as: UTF8.self).hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"), "\(path)")
        }
        let workbook = try #require(try XLSXRenderer.parts([sheet], title: "Essai").first { $0.0 == "xl/workbook.xml" })
        #expect(String(decoding: workbook.1, as: UTF8.self).contains("&apos;L&apos;&apos;onglet&apos;!$A$1:$A$3"))
    }
}
