import SubventionCore
import Testing

@testable import SubventionReports

@Suite("Le protocole ReportRenderer : les mêmes chiffres dans chaque format")
struct ReportRendererTests {
    @Test("Chaque format écrit l'avance de 879 769,20 € à sa façon")
    func sameFigures() throws {
        let report = try ReportFixture.report()
        let renderers: [(any ReportRenderer, String)] = [
            (TextRenderer(), "879\u{A0}769,20\u{A0}€"),
            (TextRenderer(colour: true), "879\u{A0}769,20\u{A0}€"),
            (MarkdownRenderer(), "| 879\u{A0}769,20\u{A0}€ |"),
            (JSONRenderer(), "\"879769.20\""),
            (HTMLRenderer(), "<td class=\"n\">879\u{A0}769,20\u{A0}€</td>"),
            (CSVRenderer(dialect: .rfc4180), ",879769.20,"),
            (CSVRenderer(dialect: .excelFrench), ";879769,20;"),
        ]
        for (renderer, figure) in renderers {
            let output = try renderer.render(report)
            #expect(output.contains(figure), "\(type(of: renderer))")
        }
    }

    @Test("Cellules : forme française et forme machine")
    func cells() throws {
        let cells: [(ReportCell, String, String)] = [
            (.money(ReportFixture.avance), "879\u{A0}769,20\u{A0}€", "879769.20"),
            (.money(ReportFixture.reversement), "-3\u{A0}000,00\u{A0}€", "-3000.00"),
            (.date(CalendarDate(year: 2025, month: 3, day: 31)!), "31/03/2025", "2025-03-31"),
            (.number(try Rational(195, 2)), "97,5", "97.5"),
            (.integer(130), "130", "130"),
            (.text("État"), "État", "État"),
            (.empty, "", ""),
        ]
        for (cell, french, machine) in cells {
            #expect(cell.french == french)
            #expect(cell.machine == machine)
        }
    }
}
