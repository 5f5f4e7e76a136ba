import SubventionCore
import Testing

@testable import SubventionReports

@Suite("Markdown : tableaux GitHub")
struct MarkdownRendererTests {
    @Test("Le rapport entier : montants alignés à droite, « | » échappé, total en gras")
    func wholeReport() throws {
        let markdown = MarkdownRenderer().render(try ReportFixture.report())
        #expect(markdown.replacingOccurrences(of: ReportFixture.nbsp, with: " ") == """
            # Essai \\<&\\>

            Convention n° 2024-17

            Situation au 31 décembre 2025.

            ## Lignes

            | Structure | Montant | Places | Date |
            | --- | ---: | ---: | --- |
            | État | 879 769,20 € | 130 | 15/07/2024 |
            | =HYPERLINK("http://x") | 586 512,80 € | 97,5 |  |
            | CCAS \\| Lens | -3 000,00 € |  |  |
            | **Total** | **1 463 282,00 €** |  |  |

            ## Calendrier

            | Mois | Versé | Échu non versé | À venir |
            | --- | ---: | ---: | ---: |
            | août 2024 | 879 769,20 € | 0,00 € | 0,00 € |
            | mars 2025 | 0,00 € | 0,00 € | 586 512,80 € |
            | **Total** | **879 769,20 €** | **0,00 €** | **586 512,80 €** |

            ## Notes

            - Une remarque.

            """)
        #expect(markdown.contains("| 879\u{A0}769,20\u{A0}€ |"))
    }

    @Test("Colonne alignée à droite dès qu'une ligne porte un montant ; retours à la ligne et caractères Markdown neutralisés")
    func alignmentAndEscaping() throws {
        let table = ReportTable(
            columns: [ReportColumn("code", "Code"), ReportColumn("montant", "Montant"), ReportColumn("libelle", "Libellé")],
            rows: [[.text("A1"), .money(ReportFixture.solde), .text("*gras* [lien]\nsuite `code`")]])
        let report = Report(kind: "essai", title: "T", sections: [ReportSection(id: "t", title: "T", content: .table(table))])
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("| Code | Montant | Libellé |\n| --- | ---: | --- |\n"))
        #expect(markdown.contains("| A1 | 586\u{A0}512,80\u{A0}€ | \\*gras\\* \\[lien\\] suite \\`code\\` |\n"))
    }
}
