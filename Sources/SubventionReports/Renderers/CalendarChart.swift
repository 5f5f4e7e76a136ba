import SubventionCore

/// The payment calendar as an SVG bar chart, readable on paper: one stacked bar per month, every month between the
/// first and the last (months without payments included), paid (green), échu not paid (red, its own colour), to
/// come (orange); a bar « sans date » for the amounts without a date (grey when to come); an amount axis with
/// graduations; each month's amount printed above its bar; an « aujourd'hui » marker at the situation date.
///
/// Coordinates are computed with integer arithmetic from cents, so the same figures always give the same bytes.
/// Machine hooks for tests and tools: `g.mois[data-mois]`, `text.graduation[data-centimes]`, `line.aujourdhui`.
enum CalendarChart {
    static let barWidth = 28
    static let slot = 40
    static let plotHeight = 200
    /// Room for the axis labels (« 2 000 000 € »).
    static let left = 96
    /// Room above the plot for the amounts written upright above the bars, and the « aujourd'hui » label.
    static let top = 104
    static let right = 16
    /// The legend's extent: four swatches and the « aujourd'hui » key.
    static let legendWidth = 460
    /// At most this many graduations above zero.
    static let maximumTicks = 5

    static let paidColour = "#3a8a4f"
    static let overdueColour = "#c0392b"
    static let dueColour = "#e8912d"
    static let undatedColour = "#8c8c8c"

    /// One bar: its amounts bottom to top.
    struct Bar {
        var key: String
        var label: String
        var paid: Money
        var overdue: Money
        var due: Money
        var undated: Money = .zero

        var total: Int128 { Int128(paid.cents) + Int128(overdue.cents) + Int128(due.cents) + Int128(undated.cents) }
    }

    static func svg(_ calendar: PaymentCalendar, today: CalendarDate? = nil) -> String {
        let months = continuousMonths(calendar.months)
        var bars = months.map { Bar(key: $0.key, label: $0.label, paid: $0.paid, overdue: $0.overdue, due: $0.due) }
        let undatedBar = self.undatedBar(calendar)
        if let undatedBar { bars.append(undatedBar) }
        let largest = bars.map(\.total).max() ?? 0
        let (step, ticks) = scale(largest)
        let topValue = step * Int128(ticks)
        let plotRight = left + months.count * slot + (undatedBar == nil ? 0 : slot + 20)
        let width = max(plotRight + right, left + legendWidth)
        let bottom = top + plotHeight
        let height = bottom + 64
        func y(_ cents: Int128) -> Int { bottom - Int(cents * Int128(plotHeight) / max(topValue, 1)) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" aria-label=\"Calendrier des versements par mois\">\n"
        svg += "<title>Calendrier des versements : versé, échu et à venir par mois</title>\n"
        // The amount axis: a graduation per step, with its gridline.
        svg += "<g class=\"axe-montants\">\n"
        for index in 0...ticks {
            let value = step * Int128(index)
            let tickY = y(value)
            svg += "<line x1=\"\(left - 4)\" y1=\"\(tickY)\" x2=\"\(plotRight)\" y2=\"\(tickY)\" stroke=\"\(index == 0 ? "#888" : "#e2e2e2")\"/>"
                + "<text class=\"graduation\" data-centimes=\"\(value)\" x=\"\(left - 8)\" y=\"\(tickY + 4)\" text-anchor=\"end\">"
                + "\(HTMLRenderer.escape(tickLabel(value)))</text>\n"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#888\"/>\n</g>\n"
        for (index, bar) in bars.enumerated() {
            let isUndated = undatedBar != nil && index == bars.count - 1
            let slotX = left + index * slot + (isUndated ? 20 : 0)
            let x = slotX + (slot - barWidth) / 2
            svg += isUndated ? "<g class=\"sans-date\">\n" : "<g class=\"mois\" data-mois=\"\(bar.key)\">\n"
            var base: Int128 = 0
            var previousTop = bottom
            let segments: [(Money, String, String, String)] = [
                (bar.paid, "verse", paidColour, "versés"), (bar.overdue, "echu", overdueColour, "échus non versés"),
                (bar.due, "a-venir", dueColour, "à venir"), (bar.undated, "a-venir-sans-date", undatedColour, "à venir, sans date"),
            ]
            for (amount, kind, colour, words) in segments where amount.isPositive {
                base += Int128(amount.cents)
                // Cumulative heights, so that rounding leaves no gap; a non-zero amount shows at least 1 px.
                let segmentTop = min(y(base), previousTop - 1)
                svg += "<rect class=\"\(kind)\" x=\"\(x)\" y=\"\(segmentTop)\" width=\"\(barWidth)\" height=\"\(previousTop - segmentTop)\" fill=\"\(colour)\">"
                    + "<title>\(HTMLRenderer.escape(bar.label)) : \(HTMLRenderer.escape(amount.french)) \(words)</title></rect>\n"
                previousTop = segmentTop
            }
            if base > 0, let total = Int64(exactly: base) {
                // The amount upright above the bar: paper has no hover.
                let labelX = x + barWidth / 2 + 4
                let labelY = previousTop - 4
                svg += "<text class=\"montant\" x=\"\(labelX)\" y=\"\(labelY)\" transform=\"rotate(-90 \(labelX) \(labelY))\">"
                    + "\(HTMLRenderer.escape(Money(cents: total).french))</text>\n"
            }
            let labelX = slotX + slot / 2
            if isUndated {
                svg += "<text x=\"\(labelX)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">sans date</text>\n"
            } else {
                svg += "<text x=\"\(labelX)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">\(HTMLRenderer.escape(shortLabel(months[index])))</text>\n"
                if index == 0 || months[index].month == 1 {
                    svg += "<text class=\"annee\" x=\"\(labelX)\" y=\"\(bottom + 30)\" text-anchor=\"middle\">\(months[index].year)</text>\n"
                }
            }
            svg += "</g>\n"
        }
        svg += todayMarker(today, months: months, bottom: bottom)
        svg += legend(calendar, undated: undatedBar != nil, y: height - 18)
        return svg + "</svg>\n"
    }

    /// Every month from the calendar's first to its last, the months without amounts at zero.
    static func continuousMonths(_ months: [PaymentCalendar.Month]) -> [PaymentCalendar.Month] {
        guard let first = months.first, let last = months.last else { return [] }
        let byKey = Dictionary(months.map { ($0.year * 12 + $0.month - 1, $0) }, uniquingKeysWith: { first, _ in first })
        let start = first.year * 12 + first.month - 1
        let end = last.year * 12 + last.month - 1
        guard start <= end else { return months }
        return (start...end).map { index in
            byKey[index] ?? PaymentCalendar.Month(year: index / 12, month: index % 12 + 1, paid: .zero, due: .zero)
        }
    }

    /// The bar « sans date »: paid without a known date, échu without a date, to come once a condition is met.
    static func undatedBar(_ calendar: PaymentCalendar) -> Bar? {
        var overdue: Int128 = 0
        var toCome: Int128 = 0
        for item in calendar.undated {
            if item.isOverdue { overdue += Int128(item.amount.cents) } else { toCome += Int128(item.amount.cents) }
        }
        guard calendar.paidWithoutDate.isPositive || overdue > 0 || toCome > 0,
            let overdueCents = Int64(exactly: overdue), let toComeCents = Int64(exactly: toCome)
        else { return nil }
        return Bar(
            key: "sans-date", label: "Sans date", paid: calendar.paidWithoutDate, overdue: Money(cents: overdueCents),
            due: .zero, undated: Money(cents: toComeCents))
    }

    /// The step between graduations (1, 2 or 5 × a power of ten, at least 1 €) and their count, so that at most
    /// ``maximumTicks`` graduations reach `largest`.
    static func scale(_ largest: Int128) -> (step: Int128, ticks: Int) {
        guard largest > 0 else { return (100, 1) }
        var magnitude: Int128 = 100
        while true {
            for factor: Int128 in [1, 2, 5] {
                let step = factor * magnitude
                let ticks = (largest + step - 1) / step
                if ticks <= Int128(maximumTicks) { return (step, Int(ticks)) }
            }
            magnitude *= 10
        }
    }

    /// `2 000 000 €` (whole euros; cents only when a step has them, which it never has).
    static func tickLabel(_ cents: Int128) -> String {
        guard let value = Int64(exactly: cents) else { return "" }
        let text = Money(cents: value).french
        return text.hasSuffix(",00\u{A0}€") ? String(text.dropLast(5)) + "\u{A0}€" : text
    }

    /// A dashed line at the situation date, placed by its day within its month, when the date falls between the
    /// first and the last month; otherwise a note in the legend says where it is.
    static func todayMarker(_ today: CalendarDate?, months: [PaymentCalendar.Month], bottom: Int) -> String {
        guard let today, let first = months.first else { return "" }
        let index = (today.year * 12 + today.month - 1) - (first.year * 12 + first.month - 1)
        guard index >= 0, index < months.count else {
            let place = index < 0 ? "avant le premier mois" : "après le dernier mois"
            return "<text class=\"aujourdhui\" x=\"\(left)\" y=\"12\" fill=\"#1f4e8c\">"
                + "aujourd'hui (\(today.frenchShort)) : \(place) du calendrier</text>\n"
        }
        let x = left + index * slot + (today.day - 1) * slot / CalendarDate.daysIn(month: today.month, year: today.year)
        return "<g class=\"aujourdhui\">"
            + "<line class=\"aujourdhui\" x1=\"\(x)\" y1=\"18\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"#1f4e8c\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(x)\" y=\"12\" text-anchor=\"middle\" fill=\"#1f4e8c\">aujourd'hui (\(today.frenchShort))</text></g>\n"
    }

    static func legend(_ calendar: PaymentCalendar, undated: Bool, y: Int) -> String {
        var items: [(String, String)] = [(paidColour, "versé"), (overdueColour, "échu non versé"), (dueColour, "à venir")]
        if undated { items.append((undatedColour, "à venir, sans date")) }
        var svg = "<g class=\"legende\">"
        var x = left
        for (colour, label) in items {
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
                + "<text x=\"\(x + 14)\" y=\"\(y + 9)\">\(label)</text>"
            x += 14 + label.count * 6 + 16
        }
        return svg + "</g>\n"
    }

    /// `janv.`, `févr.`, … (the year is written under the first month and every January).
    static func shortLabel(_ month: PaymentCalendar.Month) -> String {
        let names = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        return names[month.month - 1]
    }
}
