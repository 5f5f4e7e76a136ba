extension CalendarDate {
    /// Whether the day is a « jour ouvré »: Monday to Friday, not a French public holiday.
    public var isWorkingDay: Bool {
        weekday.rawValue < Weekday.saturday.rawValue && !FrenchPublicHolidays.isHoliday(self)
    }

    /// The date `count` jours ouvrés later (earlier when negative): the day itself is not counted, each
    /// following working day counts one. `nil` outside years 1–9999.
    ///
    /// Complexity: O(|count|) days walked, with a bound of 7 calendar days per working day.
    public func adding(workingDays count: Int) -> CalendarDate? {
        var date = self
        var left = abs(count)
        let step = count < 0 ? -1 : 1
        while left > 0 {
            guard let next = date.adding(days: step) else { return nil }
            date = next
            if date.isWorkingDay { left -= 1 }
        }
        return date
    }

    /// The `rank`-th `weekday` of a month that is a working day (« le 3e vendredi ouvré du mois »): days of that
    /// weekday falling on a public holiday are skipped. `nil` when the month has fewer such days.
    ///
    /// November 2024: 1 November (Toussaint) is skipped, the 3rd working Friday is 22 November.
    public static func nthWorkingWeekday(_ rank: Int, _ weekday: Weekday, year: Int, month: Int) -> CalendarDate? {
        guard rank >= 1, let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        var found = 0
        var date = first
        while date.month == month {
            if date.weekday == weekday && !FrenchPublicHolidays.isHoliday(date) {
                found += 1
                if found == rank { return date }
            }
            guard let next = date.adding(days: 1) else { return nil }
            date = next
        }
        return nil
    }
}
