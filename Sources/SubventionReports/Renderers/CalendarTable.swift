import SubventionCore

/// The payment calendar as a table: month, paid, still to pay.
enum CalendarTable {
    static func make(_ calendar: PaymentCalendar) -> ReportTable {
        let rows = calendar.months.map { month -> [ReportCell] in
            [.text(month.label), .money(month.paid), .money(month.due)]
        }
        let paid = (try? calendar.months.map(\.paid).sum()) ?? .zero
        let due = (try? calendar.months.map(\.due).sum()) ?? .zero
        return ReportTable(
            columns: [ReportColumn("mois", "Mois"), ReportColumn("verse", "Versé"), ReportColumn("a-verser", "À verser")],
            rows: rows, total: [.text("Total"), .money(paid), .money(due)])
    }
}
