import SubventionCore

@testable import SubventionReports

/// A small report with real figures: an advance of 879 769,20 €, a balance of 586 512,80 €, a clawback of
/// 3 000 €, and text that every format must escape or neutralise.
enum ReportFixture {
    static let nbsp = "\u{A0}"

    static let avance = Money(cents: 87_976_920)
    static let solde = Money(cents: 58_651_280)
    static let reversement = Money(cents: -300_000)

    static func table() throws -> ReportTable {
        ReportTable(
            columns: [
                ReportColumn("structure", "Structure"), ReportColumn("montant", "Montant"), ReportColumn("places", "Places"),
                ReportColumn("date", "Date"),
            ],
            rows: [
                [.text("État"), .money(avance), .number(Rational(130)), .date(CalendarDate(year: 2024, month: 7, day: 15)!)],
                [.text("=HYPERLINK(\"http://x\")"), .money(solde), .number(try Rational(195, 2)), .empty],
                [.text("CCAS | Lens"), .money(reversement), .empty, .empty],
            ],
            total: [.text("Total"), .money(try avance + solde + reversement), .empty, .empty])
    }

    static func calendar() throws -> PaymentCalendar {
        try PaymentCalendar(months: [
            .init(year: 2024, month: 8, paid: avance, due: .zero),
            .init(year: 2025, month: 3, paid: .zero, due: solde),
        ])
    }

    static func report() throws -> Report {
        Report(
            kind: "essai", title: "Essai <&>", subtitle: ["Convention n° 2024-17"],
            asOf: CalendarDate(year: 2025, month: 12, day: 31),
            sections: [
                ReportSection(id: "lignes", title: "Lignes", content: .table(try table())),
                ReportSection(id: "calendrier", title: "Calendrier", content: .calendar(try calendar())),
                ReportSection(id: "notes", title: "Notes", content: .paragraphs(["Une remarque."])),
            ])
    }
}
