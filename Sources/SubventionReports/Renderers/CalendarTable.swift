import SubventionCore

/// The payment calendar as a table: per month versé, échu (due and not paid) and à venir; then the amounts
/// without a date with their condition; the total row sums every column (échu + à venir = reste à payer).
enum CalendarTable {
    static func make(_ calendar: PaymentCalendar) -> ReportTable {
        var rows = calendar.months.map { month -> [ReportCell] in
            [.text(month.label), .money(month.paid), .money(month.overdue), .money(month.due)]
        }
        if !calendar.paidWithoutDate.isZero {
            rows.append([.text("Versé, date inconnue"), .money(calendar.paidWithoutDate), .money(.zero), .money(.zero)])
        }
        for item in calendar.undated {
            rows.append(
                [.text("Sans date : \(item.condition)"), .money(.zero), .money(item.isOverdue ? item.amount : .zero),
                    .money(item.isOverdue ? .zero : item.amount)])
        }
        return ReportTable(
            columns: [
                ReportColumn("mois", "Mois"), ReportColumn("verse", "Versé"), ReportColumn("echu", "Échu non versé"),
                ReportColumn("a-verser", "À venir"),
            ],
            rows: rows, total: [.text("Total"), .money(calendar.totalPaid), .money(calendar.totalOverdue), ReportCell.money(calendar.totalToCome)])
    }
}
