import SubventionCSV
import SubventionCore
import Testing

@testable import SubventionReports

@Suite("CSV : une table par fichier, RFC 4180 ou Excel-FR")
struct CSVRendererTests {
    @Test("RFC 4180 : clés machine, montants machine, formule neutralisée, négatif intact")
    func rfc4180() throws {
        let text = try CSVRenderer().render(try ReportFixture.report())
        #expect(text == """
            structure,montant,places,date\r
            État,879769.20,130,2024-07-15\r
            "'=HYPERLINK(""http://x"")",586512.80,97.5,\r
            CCAS | Lens,-3000.00,,\r
            Total,1463282.00,,\r

            """)
        #expect(Array(text.utf8) == (try CSVRenderer(dialect: .rfc4180).bytes(try ReportFixture.report())))
    }

    @Test("Excel-FR : BOM, « ; », virgule décimale sans séparateur de milliers, titres français, CRLF")
    func excelFrench() throws {
        let renderer = CSVRenderer(dialect: .excelFrench)
        let bytes = try renderer.bytes(try ReportFixture.report())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == """
            Structure;Montant;Places;Date\r
            État;879769,20;130;2024-07-15\r
            "'=HYPERLINK(""http://x"")";586512,80;97,5;\r
            CCAS | Lens;-3000,00;;\r
            Total;1463282,00;;\r

            """)
        #expect(Array(try renderer.render(try ReportFixture.report()).utf8) == bytes)
        let table = try CSVReader.table(bytes: bytes)
        #expect(table.delimiter == .semicolon)
        #expect(table.records.count == 4)
        #expect(table.records[1][0] == "'=HYPERLINK(\"http://x\")")
        #expect(table.records[2][1] == "-3000,00")
    }

    @Test("La section choisie par son id : le calendrier devient une table")
    func chosenSection() throws {
        let text = try CSVRenderer(section: "calendrier").render(try ReportFixture.report())
        #expect(text == "mois,verse,echu,a-verser\r\naoût 2024,879769.20,0.00,0.00\r\nmars 2025,0.00,0.00,586512.80\r\nTotal,879769.20,0.00,586512.80\r\n")
    }

    @Test("Section inconnue ou rapport sans tableau : une erreur qui dit quoi choisir")
    func noTable() throws {
        let error = try #require(throws: CSVRenderer.NoTable.self) {
            try CSVRenderer(section: "inconnue").render(try ReportFixture.report())
        }
        #expect(error.available == ["lignes", "calendrier"])
        #expect(error.description == "section inconnue ; sections possibles : lignes, calendrier")
        let paragraphs = Report(
            kind: "essai", title: "T", sections: [ReportSection(id: "notes", title: "Notes", content: .paragraphs(["x"]))])
        let none = try #require(throws: CSVRenderer.NoTable.self) { try CSVRenderer().render(paragraphs) }
        #expect(none.description == "ce rapport n'a pas de tableau à écrire en CSV")
    }

    @Test("Une ligne incomplète garde une valeur par colonne")
    func raggedRow() throws {
        let table = ReportTable(
            columns: [ReportColumn("a", "A"), ReportColumn("b", "B"), ReportColumn("c", "C")],
            rows: [[.text("x")], [.integer(1), .integer(2), .integer(3), .integer(4)]])
        let report = Report(kind: "essai", title: "T", sections: [ReportSection(id: "t", title: "T", content: .table(table))])
        #expect(try CSVRenderer().render(report) == "a,b,c\r\nx,,\r\n1,2,3\r\n")
    }
}
