import Testing

@testable import SubventionCore

@Suite("Échéances écrites dans les conventions")
struct DateRuleTests {
    let year2025 = Period(
        start: CalendarDate(year: 2025, month: 1, day: 1)!, end: CalendarDate(year: 2025, month: 12, day: 31)!)

    @Test("« au 31 janvier de l'année N+1 »")
    func dayOfNextYear() {
        let rule = DateRule.dayOfYear(month: 1, day: 31, yearsAfterPeriodEnd: 1)
        #expect(rule.resolve(in: DateContext(period: year2025)) == CalendarDate(year: 2026, month: 1, day: 31))
        #expect(rule.description == "le 31 janvier de l'année N+1")
        #expect(rule.resolve(in: DateContext(period: nil)) == nil)
    }

    @Test("« dans les deux mois suivant la fin de l'action »")
    func twoMonthsAfterEnd() throws {
        let rule = DateRule.after(.periodEnd, try DateOffset(parsing: "2 mois"), endOfMonth: .clamp)
        #expect(rule.resolve(in: DateContext(period: year2025)) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(rule.description == "2 mois après la fin de la période")
    }

    @Test("« dans les 6 mois suivant la fin de l'exercice »")
    func sixMonthsAfterYear() throws {
        let period2023 = Period(
            start: CalendarDate(year: 2023, month: 1, day: 1)!, end: CalendarDate(year: 2023, month: 12, day: 31)!)
        let rule = DateRule.after(.periodEnd, try DateOffset(parsing: "6 mois"), endOfMonth: .clamp)
        #expect(rule.resolve(in: DateContext(period: period2023)) == CalendarDate(year: 2024, month: 6, day: 30))
    }

    @Test("Délai compté depuis un événement du bilan")
    func afterEvent() throws {
        let rule = DateRule.after(.event("bilan-recu"), try DateOffset(parsing: "30 jours"), endOfMonth: .clamp)
        #expect(rule.resolve(in: DateContext(period: year2025)) == nil)
        let received = try CalendarDate(parsing: "15/01/2026")
        let context = DateContext(period: year2025, events: ["bilan-recu": received])
        #expect(rule.resolve(in: context) == CalendarDate(year: 2026, month: 2, day: 14))
        #expect(rule.description == "30 jours après réception du bilan")
    }

    @Test("Délais acceptés et refusés")
    func offsets() throws {
        #expect(try DateOffset(parsing: "1 an") == DateOffset(1, .years))
        #expect(try DateOffset(parsing: "-8 jours") == DateOffset(-8, .days))
        #expect(try DateOffset(parsing: "6 months") == DateOffset(6, .months))
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "deux mois") }
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "2 semaines") }
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "2") }
        #expect(try DateOffset(parsing: "1 an").applied(to: CalendarDate(year: 2024, month: 2, day: 29)!)
            == CalendarDate(year: 2025, month: 2, day: 28))
    }
}
