/// A deadline as a convention writes it (« échéance »).
public enum DateRule: Hashable, Sendable, CustomStringConvertible {
    /// A fixed date: « au plus tard le 31 mars 2025 ».
    case fixed(CalendarDate)
    /// A delay after an anchor: « dans les deux mois suivant la fin de l'action ».
    case after(DateAnchor, DateOffset, endOfMonth: EndOfMonthRule)
    /// A day of a year counted from the year the period ends: « au 31 janvier de l'année N+1 ».
    ///
    /// Files write `N` to `N+\(maximumYearsAfterPeriodEnd)` and a day that exists every year (not 29/02).
    case dayOfYear(month: Int, day: Int, yearsAfterPeriodEnd: Int)

    /// The largest `N+k` a file may write for ``dayOfYear(month:day:yearsAfterPeriodEnd:)``.
    public static let maximumYearsAfterPeriodEnd = 100

    /// The date, or `nil` when the anchor is not known yet (no such event reported) or the day does not exist.
    public func resolve(in context: DateContext) -> CalendarDate? {
        switch self {
        case .fixed(let date):
            return date
        case .after(let anchor, let offset, let rule):
            return context.date(of: anchor).flatMap { offset.applied(to: $0, endOfMonth: rule) }
        case .dayOfYear(let month, let day, let years):
            guard let end = context.period?.end else { return nil }
            let (year, overflow) = end.year.addingReportingOverflow(years)
            return overflow ? nil : CalendarDate(year: year, month: month, day: day)
        }
    }

    /// French words for explanations: « 2 mois après la fin de la période ».
    public var description: String {
        switch self {
        case .fixed(let date): return "le \(date.frenchLong)"
        case .after(let anchor, let offset, _): return "\(offset) après \(anchor)"
        case .dayOfYear(let month, let day, let years):
            let dayText = CalendarDate(year: 2024, month: month, day: day).map {
                String($0.frenchLong.dropLast(5))
            } ?? "\(day)/\(month)"
            return "le \(dayText) de l'année N\(years == 0 ? "" : (years > 0 ? "+\(years)" : "\(years)"))"
        }
    }
}
