import SubventionCore
import Testing

@testable import SubventionReports

@Suite("Texte : tableaux alignés en français pour le terminal")
struct TextRendererTests {
    static let expected = """
        Essai <&>
        =========
        Convention n° 2024-17
        Situation au 31 décembre 2025

        Lignes
        ------
        Structure                      Montant  Places  Date
        ──────────────────────  ──────────────  ──────  ──────────
        État                      879 769,20 €     130  15/07/2024
        =HYPERLINK("http://x")    586 512,80 €    97,5
        CCAS | Lens                -3 000,00 €
        ──────────────────────  ──────────────  ──────  ──────────
        Total                   1 463 282,00 €

        Calendrier
        ----------
        Mois              Versé  Échu non versé       À venir
        ─────────  ────────────  ──────────────  ────────────
        août 2024  879 769,20 €          0,00 €        0,00 €
        mars 2025        0,00 €          0,00 €  586 512,80 €
        ─────────  ────────────  ──────────────  ────────────
        Total      879 769,20 €          0,00 €  586 512,80 €

        Notes
        -----
        Une remarque.

        """

    @Test("Le rapport entier, au caractère près (espaces insécables comprises)")
    func wholeReport() throws {
        let text = TextRenderer().render(try ReportFixture.report())
        #expect(text.replacingOccurrences(of: ReportFixture.nbsp, with: " ") == Self.expected)
        #expect(text.contains("  879\u{A0}769,20\u{A0}€     130  15/07/2024"))
        #expect(!text.contains("\u{1B}"))
        #expect(TextRenderer(colour: false).render(try ReportFixture.report()) == text)
    }

    @Test("Largeurs en caractères perçus : « é » composé et espace insécable comptent pour un")
    func widthsInCharacters() throws {
        let table = ReportTable(
            columns: [ReportColumn("nom", "Nom"), ReportColumn("montant", "Montant")],
            rows: [[.text("Re\u{301}gion"), .money(Money(cents: 100))], [.text("Département"), .money(Money(cents: 123_456_789))]])
        let report = Report(kind: "essai", title: "T", sections: [ReportSection(id: "t", title: "T", content: .table(table))])
        let lines = TextRenderer().render(report).split(separator: "\n").map(String.init)
        // « Région » is 6 characters (7 scalars), padded to the 11 of « Département »; « 1,00 € » is 6 of 14.
        #expect(lines.contains("Re\u{301}gion" + String(repeating: " ", count: 5 + 2 + 8) + "1,00\u{A0}€"))
        #expect(lines.contains("Département  1\u{A0}234\u{A0}567,89\u{A0}€"))
        #expect(lines.contains("Nom                 Montant"))
    }

    @Test("Couleurs ANSI seulement sur demande, sans déranger l'alignement")
    func colours() throws {
        let coloured = TextRenderer(colour: true).render(try ReportFixture.report())
        #expect(coloured.contains("\u{1B}[1mEssai <&>\u{1B}[0m\n=========\n"))
        #expect(coloured.contains("CCAS | Lens                \u{1B}[31m-3\u{A0}000,00\u{A0}€\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[1mTotal\u{1B}[0m                   \u{1B}[1m1\u{A0}463\u{A0}282,00\u{A0}€\u{1B}[0m\n"))
        let stripped = Self.strippingANSI(coloured).replacingOccurrences(of: ReportFixture.nbsp, with: " ")
        #expect(stripped == Self.expected)
    }

    @Test("Lignes trop courtes complétées, trop longues coupées ; tableau vide signalé")
    func raggedRows() throws {
        let table = ReportTable(
            columns: [ReportColumn("a", "A"), ReportColumn("b", "B")],
            rows: [[.text("x")], [.text("y"), .integer(12), .text("de trop")]])
        let empty = ReportTable(columns: [ReportColumn("a", "A")])
        let report = Report(
            kind: "essai", title: "T",
            sections: [
                ReportSection(id: "t", title: "T", content: .table(table)),
                ReportSection(id: "v", title: "Vide", content: .table(empty)),
            ])
        #expect(TextRenderer().render(report) == "T\n=\n\nT\n-\nA   B\n─  ──\nx\ny  12\n\nVide\n----\n(aucune ligne)\n")
    }

    static func strippingANSI(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
