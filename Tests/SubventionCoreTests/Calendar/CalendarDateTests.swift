import Testing

@testable import SubventionCore

@Suite("Dates du calendrier")
struct CalendarDateTests {
    func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    @Test("ISO et français donnent le même jour")
    func parsesBothForms() throws {
        #expect(try date("2025-01-31") == date("31/01/2025"))
        #expect(try date("2025-01-31").frenchShort == "31/01/2025")
        #expect(try date("31/01/2025").iso == "2025-01-31")
        #expect(try date("1/3/2025").frenchLong == "1er mars 2025")
        #expect(try date("2023-10-15").frenchLong == "15 octobre 2023")
    }

    @Test("Dates refusées", arguments: ["2025-02-30", "2025-13-01", "31/02/2025", "2025/01/31", "31-01-2025",
        "2025-1-31", "70 %", "", "29/02/2025", "2025-01-31T00:00"])
    func rejects(_ text: String) {
        #expect(throws: DateSyntaxError.self) { try CalendarDate(parsing: text) }
    }

    @Test("29 février des années bissextiles seulement")
    func leapYears() throws {
        #expect(try date("29/02/2024").day == 29)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test("Ajout de mois : fin de mois ramenée ou conservée")
    func addingMonths() throws {
        #expect(try date("31/12/2025").adding(months: 2) == date("28/02/2026"))
        #expect(try date("31/12/2023").adding(months: 2) == date("29/02/2024"))
        #expect(try date("30/04/2025").adding(months: 1) == date("30/05/2025"))
        #expect(try date("30/04/2025").adding(months: 1, endOfMonth: .keepEndOfMonth) == date("31/05/2025"))
        #expect(try date("31/12/2023").adding(months: 6) == date("30/06/2024"))
        #expect(try date("31/01/2025").adding(months: -2) == date("30/11/2024"))
        #expect(try date("15/09/2023").adding(months: 1) == date("15/10/2023"))
    }

    @Test("Ajout de jours à travers mois et années")
    func addingDays() throws {
        #expect(try date("31/12/2025").adding(days: 1) == date("01/01/2026"))
        #expect(try date("28/02/2024").adding(days: 1) == date("29/02/2024"))
        #expect(try date("01/03/2025").adding(days: -1) == date("28/02/2025"))
        #expect(try date("01/01/2025").days(until: date("31/12/2025")) == 364)
        #expect(try date("14/09/2023").adding(days: 30) == date("14/10/2023"))
    }

    @Test("Jour de la semaine")
    func weekdays() throws {
        #expect(try date("1970-01-01").weekday == .thursday)
        #expect(try date("2026-11-24").weekday == .tuesday)
        #expect(try date("2025-03-13").weekday.french == "jeudi")
    }

    @Test("Ordre chronologique")
    func ordering() throws {
        #expect(try date("31/12/2024") < date("01/01/2025"))
        #expect(try date("01/02/2025") > date("31/01/2025"))
    }
}
