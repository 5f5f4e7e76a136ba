import SubventionCore

/// The payment calendar as an SVG bar chart: one stacked bar per month, paid (green), échu not paid (red), to come
/// (orange); the amounts without a date are listed under the chart.
///
/// Coordinates are computed with integer arithmetic from cents, so the same figures always give the same bytes.
enum CalendarChart {
    static let barWidth = 36
    static let gap = 14
    static let plotHeight = 180
    static let left = 10
    static let top = 20
    /// The legend's extent: three swatches, the last « échu » from `left + 154`.
    static let legendWidth = 200

    static func svg(_ calendar: PaymentCalendar) -> String {
        let months = calendar.months
        // At least `legendWidth`, so that the legend under a calendar of one or two months is not cut.
        let width = max(left * 2 + max(months.count, 1) * (barWidth + gap), legendWidth)
        let height = top + plotHeight + 50
        let largest = months.map { Int128($0.paid.cents) + Int128($0.overdue.cents) + Int128($0.due.cents) }.max() ?? 0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" aria-label=\"Calendrier des versements par mois\">\n"
        svg += "<title>Calendrier des versements : versé et à verser par mois</title>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - left)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>\n"
        for (index, month) in months.enumerated() {
            let x = left + index * (barWidth + gap) + gap / 2
            let paidHeight = scaled(month.paid.cents, largest)
            let overdueHeight = scaled(month.overdue.cents, largest)
            let dueHeight = scaled(month.due.cents, largest)
            let paidTop = top + plotHeight - paidHeight
            let overdueTop = paidTop - overdueHeight
            let dueTop = overdueTop - dueHeight
            svg += "<g class=\"mois\" data-mois=\"\(month.key)\">\n"
            if overdueHeight > 0 {
                svg += "<rect x=\"\(x)\" y=\"\(overdueTop)\" width=\"\(barWidth)\" height=\"\(overdueHeight)\" fill=\"#c0392b\">"
                    + "<title>\(HTMLRenderer.escape(month.label)) : \(HTMLRenderer.escape(month.overdue.french)) échus non versés</title></rect>\n"
            }
            svg += "<rect x=\"\(x)\" y=\"\(dueTop)\" width=\"\(barWidth)\" height=\"\(dueHeight)\" fill=\"#e8912d\">"
                + "<title>\(HTMLRenderer.escape(month.label)) : \(HTMLRenderer.escape(month.due.french)) à venir</title></rect>\n"
            svg += "<rect x=\"\(x)\" y=\"\(paidTop)\" width=\"\(barWidth)\" height=\"\(paidHeight)\" fill=\"#3a8a4f\">"
                + "<title>\(HTMLRenderer.escape(month.label)) : \(HTMLRenderer.escape(month.paid.french)) versés</title></rect>\n"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">"
                + "\(HTMLRenderer.escape(shortLabel(month)))</text>\n"
            svg += "</g>\n"
        }
        svg += "<rect x=\"\(left)\" y=\"\(height - 18)\" width=\"10\" height=\"10\" fill=\"#3a8a4f\"/>"
            + "<text x=\"\(left + 14)\" y=\"\(height - 9)\">versé</text>\n"
        svg += "<rect x=\"\(left + 70)\" y=\"\(height - 18)\" width=\"10\" height=\"10\" fill=\"#e8912d\"/>"
            + "<text x=\"\(left + 84)\" y=\"\(height - 9)\">à venir</text>\n"
        if calendar.totalOverdue.isPositive {
            svg += "<rect x=\"\(left + 140)\" y=\"\(height - 18)\" width=\"10\" height=\"10\" fill=\"#c0392b\"/>"
                + "<text x=\"\(left + 154)\" y=\"\(height - 9)\">échu</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `cents` as a bar height in pixels, the largest month filling the plot (a non-zero amount shows at least 1 px).
    static func scaled(_ cents: Int64, _ largest: Int128) -> Int {
        guard largest > 0, cents > 0 else { return 0 }
        return max(1, Int(Int128(cents) * Int128(plotHeight) / largest))
    }

    static func shortLabel(_ month: PaymentCalendar.Month) -> String {
        let names = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        return "\(names[month.month - 1]) \(month.year % 100 < 10 ? "0" : "")\(month.year % 100)"
    }
}
