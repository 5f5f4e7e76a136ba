import Testing

@testable import SubventionCore

/// Figures from the source documents (../shared/facts), asserted to the cent.
struct MoneyFigureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rate: String
        let base: String
        let policy: RoundingPolicy
        let expected: String
        var testDescription: String { "\(rate) × \(base) = \(expected)" }
    }

    static let atCent = RoundingPolicy.nearestCent
    static let atEuro = RoundingPolicy(rule: .halfAwayFromZero, unit: .euro)
    static let truncatedAtEuro = RoundingPolicy(rule: .towardZero, unit: .euro)

    @Test(arguments: [
        // Alpes-Maritimes État–Département, art. 6: avance de 60 %.
        Case(rate: "60 %", base: "1 466 282 €", policy: atCent, expected: "879 769,20 €"),
        // Doubs ↔ CCAS Besançon, art. 1.4: acompte de 70 %.
        Case(rate: "70 %", base: "118 250 €", policy: atCent, expected: "82 775,00 €"),
        // Maine-et-Loire ↔ CCAS Angers, art. 3.3: premier versement de 80 %.
        Case(rate: "80 %", base: "60 000 €", policy: atCent, expected: "48 000,00 €"),
        // Flash emploi avenant n°1: personnel part, at the cent and as the document writes it (euro).
        Case(rate: "40,97 %", base: "1 607 669 €", policy: atCent, expected: "658 661,99 €"),
        Case(rate: "40,97 %", base: "1 607 669 €", policy: atEuro, expected: "658 662,00 €"),
        Case(rate: "39,43 %", base: "651 067 €", policy: atCent, expected: "256 715,72 €"),
        // FSE+ subvention globale: technical assistance 2,96 %, and the 60 % co-financing rate.
        Case(rate: "2,96 %", base: "12 001 301,25 €", policy: atCent, expected: "355 238,52 €"),
        Case(rate: "2,96 %", base: "12 001 301,25 €", policy: truncatedAtEuro, expected: "355 238,00 €"),
        Case(rate: "60 %", base: "20 002 168,75 €", policy: atCent, expected: "12 001 301,25 €"),
        // Flash emploi: the « solde de 18,80 % » is descriptive; the rate gives 173 975,20 €.
        Case(rate: "18,80 %", base: "925 400 €", policy: atCent, expected: "173 975,20 €"),
    ])
    func percentageOfAmount(_ example: Case) throws {
        let product = try euros(example.base).multiplied(by: percent(example.rate), rounding: example.policy)
        #expect(product == (try euros(example.expected)))
        #expect(product.french == nbsp(example.expected))
    }

    @Test func restAfterAvanceIsExact() throws {
        let parts = try euros("1 466 282 €").split(shares: [percent("60 %")], rounding: .nearestCent)
        #expect(parts == [try euros("879 769,20 €"), try euros("586 512,80 €")])
        let besancon = try euros("118 250 €").split(shares: [percent("70 %")], rounding: .nearestCent)
        #expect(besancon == [try euros("82 775 €"), try euros("35 475 €")])
    }

    @Test func unitPriceTimesQuantity() throws {
        // FSL So'Eau: 0,2049 €/abonné × 84 934 abonnés.
        let soEau = try Rational(parsingDecimal: "0,2049").multiplied(by: Rational(84_934))
        #expect(try Money(euros: soEau, rounding: .nearestCent) == (try euros("17 402,98 €")))
        #expect(try Money(euros: soEau, rounding: Self.truncatedAtEuro) == (try euros("17 402 €")))
        #expect(try Money(euros: soEau, rounding: Self.atEuro) == (try euros("17 403 €")))
        // FSL ERILIA: 1,50 €/logement × 7 666 logements.
        let erilia = try Rational(parsingDecimal: "1,50").multiplied(by: Rational(7_666))
        #expect(try Money(euros: erilia, rounding: .nearestCent) == (try euros("11 499,00 €")))
        // Angers: 60 000 €/ETP × 1,5 ETP.
        let angers = try Rational(60_000).multiplied(by: Rational(parsingDecimal: "1,5"))
        #expect(try Money(euros: angers, rounding: .nearestCent) == (try euros("90 000 €")))
    }

    @Test func negativeAmountsRoundSymmetrically() throws {
        let reversement = try euros("-0,05 €")
        let half = try Rational(1, 10)  // −0,005 €
        #expect(try reversement.multiplied(by: half, rounding: .nearestCent) == Money(cents: -1))
        #expect(
            try reversement.multiplied(by: half, rounding: RoundingPolicy(rule: .towardZero, unit: .cent))
                == Money(cents: 0))
        #expect(
            try reversement.multiplied(by: half, rounding: RoundingPolicy(rule: .halfEven, unit: .cent))
                == Money(cents: 0))
        #expect(
            try euros("-17 402,98 €").rounded(Self.truncatedAtEuro) == (try euros("-17 402 €")))
        #expect(
            try euros("-0,01 €").rounded(RoundingPolicy(rule: .awayFromZero, unit: .euro)) == (try euros("-1 €")))
        // 40 % of the −2 080 € titre de recettes of the Pas-de-Calais example, and its mirror.
        let minus = try euros("-1 607 669 €").multiplied(by: percent("40,97 %"), rounding: .nearestCent)
        #expect(minus == (try euros("-658 661,99 €")))
    }

    @Test(arguments: [
        (RoundingRule.halfAwayFromZero, [3, -3, 2, -2, 3, -3]),
        (RoundingRule.halfEven, [2, -2, 2, -2, 3, -3]),
        (RoundingRule.towardZero, [2, -2, 2, -2, 2, -2]),
        (RoundingRule.awayFromZero, [3, -3, 3, -3, 3, -3]),
    ])
    func roundingRulesOnHalvesAndFractions(rule: RoundingRule, expected: [Int]) {
        // 2,5 ; −2,5 ; 2,1 ; −2,1 ; 2,7 ; −2,7
        let quotients = [(25, 10), (-25, 10), (21, 10), (-21, 10), (27, 10), (-27, 10)].map {
            Int(rule.divide(Int128($0.0), by: Int128($0.1)))
        }
        #expect(quotients == expected)
    }

    @Test func overflowIsAnErrorNotATrap() throws {
        let maximum = Money(cents: .max)
        #expect(throws: ArithmeticError.self) { try maximum + Money(cents: 1) }
        #expect(throws: ArithmeticError.self) { try Money(cents: .min).negated() }
        #expect(throws: ArithmeticError.self) { try Money(cents: .min) - Money(cents: 1) }
        #expect(throws: ArithmeticError.self) { try maximum.multiplied(by: Rational(2), rounding: .nearestCent) }
        #expect(throws: ArithmeticError.self) { try [maximum, maximum].sum() }
        #expect(throws: ArithmeticError.self) { try Money(euros: Int64.max) }
        #expect(throws: ArithmeticError.self) { try Rational(1, 0) }
    }
}
