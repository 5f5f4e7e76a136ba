import PropertyBased
import Testing

@testable import SubventionCore

/// Issue 11: date arithmetic never traps, whatever the offset; out-of-calendar results are `nil`.
@Suite("Arithmétique des dates : jamais de plantage")
struct DateArithmeticSafetyTests {
    static let end = CalendarDate(year: 2025, month: 12, day: 31)!

    @Test("annee: N+Int.max ne plante pas : pas de date")
    func hugeYearOffset() {
        let context = DateContext(period: Period(start: CalendarDate(year: 2025, month: 1, day: 1)!, end: Self.end))
        #expect(DateRule.dayOfYear(month: 1, day: 31, yearsAfterPeriodEnd: Int.max).resolve(in: context) == nil)
        #expect(DateRule.dayOfYear(month: 1, day: 31, yearsAfterPeriodEnd: Int.min).resolve(in: context) == nil)
        #expect(
            DateRule.dayOfYear(month: 1, day: 31, yearsAfterPeriodEnd: 1).resolve(in: context)
                == CalendarDate(year: 2026, month: 1, day: 31))
    }

    @Test("Décalages extrêmes : nil, jamais de piège")
    func extremeOffsets() {
        for count in [Int.max, Int.min, Int.max / 12 + 1, Int.min / 12 - 1] {
            #expect(Self.end.adding(days: count) == nil)
            #expect(Self.end.adding(months: count) == nil)
            #expect(DateOffset(count, .years).applied(to: Self.end) == nil)
        }
        #expect(Self.end.adding(days: 1) == CalendarDate(year: 2026, month: 1, day: 1))
    }

    @Test("Délais bornés à 100 ans au chargement")
    func delayRange() throws {
        #expect(try DateOffset(parsing: "100 ans") == DateOffset(100, .years))
        #expect(try DateOffset(parsing: "-36525 jours") == DateOffset(-36_525, .days))
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "101 ans") }
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "100000 ans") }
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "1201 mois") }
        #expect(throws: DateSyntaxError.self) { try DateOffset(parsing: "99999999999999999999 jours") }
    }

    @Test("Tout décalage entier : une date valide ou nil, cohérente avec le retour en arrière")
    func anyOffsetIsSafe() async {
        await propertyCheck(
            count: 5_000,
            input: Gen.int(in: Int.min...Int.max), Gen.int(in: -5_000_000...5_000_000), Gen.int(in: 0..<3)
        ) { huge, moderate, unitIndex in
            let unit = [DateOffset.Unit.days, .months, .years][unitIndex]
            for count in [huge, moderate] {
                if let date = DateOffset(count, unit).applied(to: Self.end) {
                    #expect((1...9999).contains(date.year))
                    if unit == .days { #expect(date.adding(days: -count) == Self.end) }
                }
            }
        }
    }
}
