extension CalendarDate {
    /// Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    init?(dayNumber: Int) {
        let era = dayNumber / 146_097
        let dayOfEra = dayNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The date `count` days later (earlier when negative); `nil` outside years 1–9999 (never traps).
    public func adding(days count: Int) -> CalendarDate? {
        let (number, overflow) = dayNumber.addingReportingOverflow(count)
        // Years 1–9999 span about 3,7 million days: anything farther is out of range without computing it.
        guard !overflow, abs(number) < 4_000_000 else { return nil }
        return CalendarDate(dayNumber: number)
    }

    /// The date `count` months later (earlier when negative), with an explicit end-of-month rule.
    ///
    /// `nil` outside years 1–9999 (never traps, whatever `count`).
    public func adding(months count: Int, endOfMonth rule: EndOfMonthRule = .clamp) -> CalendarDate? {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(count)
        guard !overflow, index >= 0 else { return nil }
        let newYear = index / 12
        let newMonth = index % 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        let last = CalendarDate.daysIn(month: newMonth, year: newYear)
        switch rule {
        case .clamp:
            return CalendarDate(valid: newYear, newMonth, min(day, last))
        case .keepEndOfMonth:
            return CalendarDate(valid: newYear, newMonth, isEndOfMonth ? last : min(day, last))
        }
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The day of the week.
    public var weekday: Weekday {
        // 0000-03-01 was a Wednesday.
        let index = ((dayNumber % 7) + 7 + 2) % 7
        return Weekday.allCases[index]
    }
}
