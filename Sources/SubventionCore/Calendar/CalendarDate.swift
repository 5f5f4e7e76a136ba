/// A calendar day, without time or time zone (« le 31 janvier 2025 »).
///
/// Stored as a proleptic Gregorian year, month and day; always valid once built.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, or returns `nil` when the day does not exist (`2025-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` is a leap year in the Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of a month (28 to 31).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate {
        CalendarDate(valid: year, month, CalendarDate.daysIn(month: month, year: year))
    }

    /// Whether this date is the last day of its month.
    public var isEndOfMonth: Bool { day == CalendarDate.daysIn(month: month, year: year) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 form, `2025-01-31`: the machine format.
    public var iso: String {
        "\(CalendarDate.padded(year, 4))-\(CalendarDate.padded(month, 2))-\(CalendarDate.padded(day, 2))"
    }

    /// Short French form, `31/01/2025`.
    public var frenchShort: String {
        "\(CalendarDate.padded(day, 2))/\(CalendarDate.padded(month, 2))/\(CalendarDate.padded(year, 4))"
    }

    /// Long French form, `31 janvier 2025` (`1er mars 2025`).
    public var frenchLong: String {
        let names = [
            "janvier", "février", "mars", "avril", "mai", "juin",
            "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        ]
        return "\(day == 1 ? "1er" : String(day)) \(names[month - 1]) \(year)"
    }

    public var description: String { iso }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
