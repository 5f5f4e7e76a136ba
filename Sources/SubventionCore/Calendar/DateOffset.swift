/// A delay written in a convention: « 2 mois », « 30 jours », « 1 an », « -8 jours ».
public struct DateOffset: Hashable, Sendable, CustomStringConvertible {
    /// The calendar unit of a delay.
    public enum Unit: String, Hashable, Sendable {
        case days, months, years
    }

    public var count: Int
    public var unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The longest delay a file may write, in each unit (« délai » of 100 years at most, either way).
    public static let maximumCount: [Unit: Int] = [.days: 36_525, .months: 1_200, .years: 100]

    /// Parses `2 mois`, `30 jours`, `1 an`, `6 months`, `-8 jours`.
    ///
    /// The magnitude is refused beyond ``maximumCount`` (100 years, 1 200 months or 36 525 days).
    public init(parsing text: String) throws(DateSyntaxError) {
        let fail = DateSyntaxError(text: text, expected: "un délai comme « 2 mois », « 30 jours » ou « 1 an »")
        let words = text.trimmingSpaces.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        guard words.count == 2 else { throw fail }
        let number = words[0].hasPrefix("-") ? words[0].dropFirst() : words[0]
        guard let magnitude = CalendarDate.digits(number) else { throw fail }
        let units: [String: Unit] = [
            "jour": .days, "jours": .days, "day": .days, "days": .days,
            "mois": .months, "month": .months, "months": .months,
            "an": .years, "ans": .years, "annee": .years, "annees": .years, "année": .years,
            "années": .years, "year": .years, "years": .years,
        ]
        guard let unit = units[words[1].lowercased()] else { throw fail }
        let maximum = Self.maximumCount[unit] ?? 0
        guard magnitude <= maximum else {
            throw DateSyntaxError(text: text, expected: "un délai d'au plus 100 ans (\(maximum) \(words[1]))")
        }
        self.init(words[0].hasPrefix("-") ? -magnitude : magnitude, unit)
    }

    /// Applies the delay to `date`; `nil` when the result leaves years 1–9999.
    public func applied(to date: CalendarDate, endOfMonth rule: EndOfMonthRule = .clamp) -> CalendarDate? {
        switch unit {
        case .days: date.adding(days: count)
        case .months: date.adding(months: count, endOfMonth: rule)
        case .years:
            count.multipliedReportingOverflow(by: 12).overflow
                ? nil : date.adding(months: count * 12, endOfMonth: rule)
        }
    }

    /// French form: « 2 mois », « 1 jour », « 3 ans ».
    public var description: String {
        let plural = abs(count) > 1
        switch unit {
        case .days: return "\(count) jour\(plural ? "s" : "")"
        case .months: return "\(count) mois"
        case .years: return "\(count) an\(plural ? "s" : "")"
        }
    }
}
