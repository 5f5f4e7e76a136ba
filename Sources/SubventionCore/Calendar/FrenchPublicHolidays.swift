/// The French public holidays (« jours fériés », Code du travail art. L3133-1), Easter-based ones included.
///
/// Eleven days: 1er janvier, lundi de Pâques, 1er mai, 8 mai, Ascension, lundi de Pentecôte, 14 juillet,
/// 15 août, 1er novembre, 11 novembre, 25 décembre. The Alsace-Moselle days are not included.
///
/// ```swift
/// FrenchPublicHolidays.easterSunday(2026)                              // 2026-04-05
/// FrenchPublicHolidays.isHoliday(CalendarDate(year: 2026, month: 5, day: 25)!)   // true (Pentecôte)
/// ```
public enum FrenchPublicHolidays {
    /// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, « Meeus/Jones/Butcher »).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(valid: year, month, day)
    }

    /// The public holidays of a year with their French names, in date order.
    public static func holidays(in year: Int) -> [(date: CalendarDate, name: String)] {
        let easter = easterSunday(year)
        var days: [(CalendarDate, String)] = [
            (CalendarDate(valid: year, 1, 1), "jour de l'an"),
            (CalendarDate(valid: year, 5, 1), "fête du travail"),
            (CalendarDate(valid: year, 5, 8), "victoire 1945"),
            (CalendarDate(valid: year, 7, 14), "fête nationale"),
            (CalendarDate(valid: year, 8, 15), "Assomption"),
            (CalendarDate(valid: year, 11, 1), "Toussaint"),
            (CalendarDate(valid: year, 11, 11), "armistice 1918"),
            (CalendarDate(valid: year, 12, 25), "Noël"),
        ]
        for (offset, name) in [(1, "lundi de Pâques"), (39, "Ascension"), (50, "lundi de Pentecôte")] {
            if let date = easter.adding(days: offset) { days.append((date, name)) }
        }
        return days.sorted { $0.0 < $1.0 }
    }

    /// The holiday's name when `date` is a public holiday.
    public static func name(of date: CalendarDate) -> String? {
        holidays(in: date.year).first { $0.date == date }?.name
    }

    /// Whether `date` is a public holiday.
    public static func isHoliday(_ date: CalendarDate) -> Bool { name(of: date) != nil }
}
