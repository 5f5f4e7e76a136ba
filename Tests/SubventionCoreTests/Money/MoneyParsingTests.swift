import Testing

@testable import SubventionCore

struct MoneyParsingTests {
    @Test(arguments: [
        ("118 250 €", Int64(11_825_000)),
        ("879 769,20 €", 87_976_920),
        ("20 800,00 €", 2_080_000),
        ("86 697,72€", 8_669_772),
        ("1 466 282,00 €", 146_628_200),
        ("5 221 877.72 €", 522_187_772),
        ("5 221 877,72 euros", 522_187_772),
        ("- €", 0),
        ("1466282.20", 146_628_220),
        ("1100", 110_000),
        ("10 706", 1_070_600),
        ("300 000 euros", 30_000_000),
        ("13 989 480,46", 1_398_948_046),
        ("-2 080,00 €", -208_000),
        ("1\u{00A0}466\u{00A0}282,00\u{00A0}€", 146_628_200),
        ("1\u{202F}466\u{202F}282,5 €", 146_628_250),
        ("  42 EUR ", 4_200),
    ])
    func acceptsFrenchAndMachineForms(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: [
        "", "€", "12,345", "60 00", "1e5", "12,5,3", "douze euros", "12 $", "1 2345", "12,", ",50", "70 %",
        "1 466 282,00 € 3", "-", " - ",
    ])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(throws: NumberSyntaxError.self) { try Money(parsing: text) }
    }

    @Test func errorSaysWhatWasExpected() {
        #expect {
            try Money(parsing: "60 00")
        } throws: { error in
            "\(error)".contains("groupés par trois") && "\(error)".contains("montant en euros")
        }
    }

    @Test(arguments: [
        ("70 %", Int64(7), Int64(10)),
        ("40,97%", 4097, 10_000),
        ("0.4097", 4097, 10_000),
        ("2,96 %", 74, 2_500),
        ("18,80 %", 47, 250),
        ("100 %", 1, 1),
    ])
    func parsesPercentages(text: String, numerator: Int64, denominator: Int64) throws {
        #expect(try Rational(parsingPercentage: text) == Rational(numerator, denominator))
    }

    @Test(arguments: ["", "%", "70 pourcents", "- %", "40,97 % %"])
    func refusesWhatIsNotAPercentage(text: String) {
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingPercentage: text) }
    }

    @Test func parsesDecimalsWithUnits() throws {
        #expect(try Rational(parsingDecimal: "1,5 ETP", suffixes: ["ETP"]) == Rational(3, 2))
        #expect(try Rational(parsingDecimal: "0,2049") == Rational(2049, 10_000))
        #expect(try Rational(parsingDecimal: "84 934") == Rational(84_934))
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingDecimal: "1,5 ETP") }
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingDecimal: "-") }
    }

    @Test func formatsForPeopleAndPrograms() throws {
        #expect(try euros("1466282").french == nbsp("1 466 282,00 €"))
        #expect(try euros("0,05").french == nbsp("0,05 €"))
        #expect(try euros("-2080").french == nbsp("-2 080,00 €"))
        #expect(try euros("999").french == nbsp("999,00 €"))
        #expect(try euros("1466282,2").machine == "1466282.20")
        #expect(try euros("-0,07").machine == "-0.07")
        #expect(try euros("1466282,2").frenchPlain == "1466282,20")
        #expect(try percent("40,97 %").frenchPercentage == nbsp("40,97 %"))
        #expect(try Rational(97, 130).french(maximumFractionDigits: 4) == "≈0,7462")
        #expect(try Rational(parsingDecimal: "0,2049").french() == "0,2049")
    }

    @Test("« 1.300 » est ambigu (milliers ou décimale) : refusé ; « 0.125 », « 1,300 », « 1.3 » ne le sont pas")
    func ambiguousThousandsSeparator() throws {
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingDecimal: "1.300") }
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingDecimal: "12.500") }
        #expect(try Rational(parsingDecimal: "0.125") == Rational(1, 8))
        #expect(try Rational(parsingDecimal: "1,300") == Rational(13, 10))
        #expect(try Rational(parsingDecimal: "1.3") == Rational(13, 10))
        #expect(try Rational(parsingDecimal: "1 300") == Rational(1_300))
    }

    @Test("Une part est comprise entre 0 % et 100 %")
    func shareDomain() throws {
        #expect(try Rational(parsingShare: "50 %") == Rational(1, 2))
        #expect(try Rational(parsingShare: "100 %") == Rational(1))
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingShare: "150 %") }
        #expect(throws: NumberSyntaxError.self) { try Rational(parsingShare: "-50 %") }
    }
}
