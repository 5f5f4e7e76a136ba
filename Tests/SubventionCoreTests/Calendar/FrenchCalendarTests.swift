import Testing

@testable import SubventionCore

@Suite("Jours fériés, jours ouvrés, délais de préavis")
struct FrenchCalendarTests {
    static func day(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    @Test("Pâques et les fêtes qui en dépendent", arguments: [
        ("2023", "2023-04-09"), ("2024", "2024-03-31"), ("2025", "2025-04-20"), ("2026", "2026-04-05"),
        ("2038", "2038-04-25"), ("2285", "2285-03-22"),
    ])
    func easter(year: String, sunday: String) {
        #expect(FrenchPublicHolidays.easterSunday(Int(year)!) == Self.day(sunday))
    }

    @Test func easterBasedHolidays() {
        #expect(FrenchPublicHolidays.name(of: Self.day("2026-04-06")) == "lundi de Pâques")
        #expect(FrenchPublicHolidays.name(of: Self.day("2026-05-14")) == "Ascension")
        #expect(FrenchPublicHolidays.name(of: Self.day("2026-05-25")) == "lundi de Pentecôte")
        #expect(FrenchPublicHolidays.name(of: Self.day("2024-05-20")) == "lundi de Pentecôte")
        #expect(FrenchPublicHolidays.holidays(in: 2025).count == 11)
        #expect(!FrenchPublicHolidays.isHoliday(Self.day("2026-05-26")))
    }

    @Test("3e vendredi ouvré : novembre 2024 (Toussaint un vendredi) et mai 2026 (1er et 8 mai des vendredis)")
    func thirdWorkingFriday() {
        #expect(CalendarDate.nthWorkingWeekday(3, .friday, year: 2024, month: 11) == Self.day("2024-11-22"))
        #expect(CalendarDate.nthWorkingWeekday(2, .friday, year: 2024, month: 11) == Self.day("2024-11-15"))
        #expect(CalendarDate.nthWorkingWeekday(3, .friday, year: 2026, month: 5) == Self.day("2026-05-29"))
        #expect(CalendarDate.nthWorkingWeekday(2, .friday, year: 2026, month: 5) == Self.day("2026-05-22"))
        #expect(CalendarDate.nthWorkingWeekday(4, .friday, year: 2026, month: 5) == nil)
        // Without a holiday the 3rd Friday is the 3rd working Friday.
        #expect(CalendarDate.nthWorkingWeekday(3, .friday, year: 2024, month: 10) == Self.day("2024-10-18"))
    }

    @Test func workingDays() {
        // Thursday 31/10/2024 + 1 jour ouvré: Friday 1/11 is Toussaint, the weekend follows → Monday 4/11.
        #expect(Self.day("2024-10-31").adding(workingDays: 1) == Self.day("2024-11-04"))
        // Friday 2026-05-22 + 1: Monday 25 is Pentecôte → Tuesday 26.
        #expect(Self.day("2026-05-22").adding(workingDays: 1) == Self.day("2026-05-26"))
        #expect(Self.day("2026-05-26").adding(workingDays: -1) == Self.day("2026-05-22"))
        #expect(Self.day("2025-12-24").adding(workingDays: 5) == Self.day("2026-01-02"))
    }

    @Test("Délais des documents, au jour près")
    func documentDelays() throws {
        let cases: [(String, NoticeDelay.FrancReading?, String, String)] = [
            ("6 mois", nil, "2024-07-01", "2025-01-01"),
            ("60 jours", nil, "2024-09-02", "2024-11-01"),
            ("un mois", nil, "2024-03-15", "2024-04-15"),
            ("2 mois", nil, "2024-10-10", "2024-12-10"),
            ("30 jours calendaires", nil, "2025-10-01", "2025-10-31"),
            ("1 mois franc", .anchorDayExcluded, "2023-09-14", "2023-10-15"),
            ("1 mois franc", .strict, "2023-09-14", "2023-10-16"),
            ("10 jours ouvrés", nil, "2024-10-28", "2024-11-13"),
        ]
        for (text, franc, anchor, end) in cases {
            let delay = try NoticeDelay(parsing: text, franc: franc)
            #expect(delay.end(from: Self.day(anchor)) == Self.day(end), "\(text) après \(anchor)")
            #expect(delay.latestAnchor(endingBy: Self.day(end)) == Self.day(anchor), "\(text) avant \(end)")
        }
        // « 2 mois avant de cesser » : stop on 31/10/2023 → send by 31/08/2023.
        #expect(try NoticeDelay(parsing: "2 mois", franc: nil).latestAnchor(endingBy: Self.day("2023-10-31")) == Self.day("2023-08-31"))
        // End of month: 2 months before 30/04 is 28/02 (28/02 + 2 mois = 28/04 ≤ 30/04; 01/03 + 2 mois = 01/05 > 30/04).
        #expect(try NoticeDelay(parsing: "2 mois", franc: nil).latestAnchor(endingBy: Self.day("2025-04-30")) == Self.day("2025-02-28"))
        // Clamping: 31/01 + 1 mois = 28/02, so the latest anchor for 28/02 is 31/01, not 28/01.
        #expect(try NoticeDelay(parsing: "1 mois", franc: nil).latestAnchor(endingBy: Self.day("2025-02-28")) == Self.day("2025-01-31"))
    }

    @Test("Un délai franc sans sa lecture, ou mal écrit, est refusé")
    func refusedDelays() {
        #expect(throws: DateSyntaxError.self) { try NoticeDelay(parsing: "1 mois franc", franc: nil) }
        #expect(throws: DateSyntaxError.self) { try NoticeDelay(parsing: "30", franc: nil) }
        #expect(throws: DateSyntaxError.self) { try NoticeDelay(parsing: "0 jours", franc: nil) }
        #expect(throws: DateSyntaxError.self) { try NoticeDelay(parsing: "30 semaines", franc: nil) }
    }
}
