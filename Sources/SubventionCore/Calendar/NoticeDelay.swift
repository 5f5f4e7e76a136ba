/// A notice period (« délai », « préavis »): « 30 jours », « 10 jours ouvrés », « 6 mois », « un mois franc ».
///
/// ```swift
/// let delay = try NoticeDelay(parsing: "1 mois franc", franc: .strict)
/// delay.end(from: CalendarDate(year: 2023, month: 9, day: 14)!)   // 2023-10-16
/// ```
public struct NoticeDelay: Hashable, Sendable, CustomStringConvertible {
    /// How the delay counts.
    public enum Unit: String, Hashable, Sendable {
        /// Calendar days (« jours », « jours calendaires »).
        case calendarDays = "jours"
        /// Working days: Monday to Friday except French public holidays (« jours ouvrés »).
        case workingDays = "jours-ouvres"
        /// Calendar months, the same day number (clamped to the month's end).
        case months = "mois"
        /// « Mois franc »: months, then the day of the anchor is not counted; see ``FrancReading``.
        case francMonths = "mois-francs"
    }

    /// What « franc » means where the document does not settle it; declared in the convention file.
    public enum FrancReading: String, Hashable, Sendable, CaseIterable {
        /// Only the day of the anchor is not counted: received 14/09, the month runs 15/09–14/10 and the
        /// résiliation takes effect on 15/10.
        case anchorDayExcluded = "jour-exclu"
        /// Strict délai franc: neither the day of the anchor nor the last day counts, the deadline runs to
        /// 15/10 at 24:00 and the résiliation takes effect on 16/10.
        case strict = "strict"

        /// Days added after the months.
        var extraDays: Int { self == .strict ? 2 : 1 }
    }

    public var count: Int
    public var unit: Unit
    /// For ``Unit/francMonths`` only.
    public var franc: FrancReading?

    public init(_ count: Int, _ unit: Unit, franc: FrancReading? = nil) {
        self.count = count
        self.unit = unit
        self.franc = unit == .francMonths ? (franc ?? .anchorDayExcluded) : nil
    }

    /// Parses `30 jours`, `30 jours calendaires`, `10 jours ouvrés`, `6 mois`, `1 mois franc`, `2 mois francs`,
    /// `un mois` (« un » and « deux » are accepted in words). A franc delay needs `franc`: the reading is
    /// declared, never guessed.
    public init(parsing text: String, franc: FrancReading?) throws(DateSyntaxError) {
        let fail = DateSyntaxError(
            text: text, expected: "un délai comme « 30 jours », « 10 jours ouvrés », « 6 mois » ou « 1 mois franc »")
        let words = text.trimmingSpaces.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
            .map(String.init)
        guard words.count >= 2 else { throw fail }
        let numbers = ["un": 1, "une": 1, "deux": 2, "trois": 3, "six": 6]
        guard let count = CalendarDate.digits(Substring(words[0])) ?? numbers[words[0]], count > 0, count <= 10_000
        else { throw fail }
        let rest = words.dropFirst().joined(separator: " ")
        let unit: Unit
        switch rest {
        case "jour", "jours", "jour calendaire", "jours calendaires": unit = .calendarDays
        case "jour ouvré", "jours ouvrés", "jour ouvre", "jours ouvres": unit = .workingDays
        case "mois": unit = .months
        case "mois franc", "mois francs": unit = .francMonths
        default: throw fail
        }
        if unit == .francMonths && franc == nil {
            throw DateSyntaxError(
                text: text, expected: "un délai franc accompagné de sa lecture (« franc: jour-exclu » ou « franc: strict »)")
        }
        self.init(count, unit, franc: franc)
    }

    /// The day the delay ends, counted from `anchor` (the effective date of what it delays).
    /// `nil` when the result leaves years 1–9999.
    public func end(from anchor: CalendarDate) -> CalendarDate? {
        switch unit {
        case .calendarDays: return anchor.adding(days: count)
        case .workingDays: return anchor.adding(workingDays: count)
        case .months: return anchor.adding(months: count)
        case .francMonths:
            return anchor.adding(months: count).flatMap { $0.adding(days: (franc ?? .anchorDayExcluded).extraDays) }
        }
    }

    /// The latest anchor whose delay ends on or before `end` (« 2 mois avant de cesser » : stop on 31/10 →
    /// send by 31/08). `nil` when out of range.
    public func latestAnchor(endingBy end: CalendarDate) -> CalendarDate? {
        var candidate: CalendarDate?
        switch unit {
        case .calendarDays: candidate = end.adding(days: -count)
        case .workingDays: candidate = end.adding(workingDays: -count)
        case .months: candidate = end.adding(months: -count)
        case .francMonths:
            candidate = end.adding(days: -(franc ?? .anchorDayExcluded).extraDays).flatMap { $0.adding(months: -count) }
        }
        // Month arithmetic clamps: step back until the delay really ends by `end`.
        while let date = candidate, let reached = self.end(from: date), reached > end {
            candidate = date.adding(days: -1)
        }
        // …and forward while a later anchor still ends in time (31/01 + 1 mois = 28/02 as well as 28/01).
        while let date = candidate, let next = date.adding(days: 1), let reached = self.end(from: next), reached <= end {
            candidate = next
        }
        return candidate
    }

    /// French form: « 30 jours », « 10 jours ouvrés », « 1 mois franc (lecture stricte) ».
    public var description: String {
        let plural = count > 1
        switch unit {
        case .calendarDays: return "\(count) jour\(plural ? "s" : "")"
        case .workingDays: return "\(count) jour\(plural ? "s" : "") ouvré\(plural ? "s" : "")"
        case .months: return "\(count) mois"
        case .francMonths:
            let reading = franc == .strict ? "lecture stricte" : "jour de départ exclu"
            return "\(count) mois franc\(plural ? "s" : "") (\(reading))"
        }
    }
}
