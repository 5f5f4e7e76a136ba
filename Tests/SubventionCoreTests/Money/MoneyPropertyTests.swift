import PropertyBased
import Testing

@testable import SubventionCore

/// Invariants that must hold for every amount, not only the documents' figures.
struct MoneyPropertyTests {
    static let policies: [RoundingPolicy] = RoundingRule.allCases.flatMap { rule in
        RoundingUnit.allCases.map { RoundingPolicy(rule: rule, unit: $0) }
    }

    @Test func splitsAlwaysSumToTheTotal() async {
        await propertyCheck(
            count: 10_000,
            input: Gen.int64(in: -10_000_000_000...10_000_000_000),
            Gen.int64(in: 0...10_000).array(of: 0...6),
            Gen.int(in: 0..<8)
        ) { cents, basisPoints, policyIndex in
            let total = Money(cents: cents)
            let shares = basisPoints.map { (try? Rational($0, 10_000)) ?? .zero }
            let parts = try total.split(shares: shares, rounding: Self.policies[policyIndex])
            #expect(parts.count == shares.count + 1)
            #expect(try parts.sum() == total)
        }
    }

    @Test func roundingStaysWithinHalfAUnit() async {
        await propertyCheck(
            count: 10_000,
            input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000),
            Gen.int64(in: 1...1_000_000),
            Gen.int64(in: 1...1_000_000),
            Gen.int(in: 0..<8)
        ) { cents, numerator, denominator, policyIndex in
            let policy = Self.policies[policyIndex]
            let factor = try Rational(numerator, denominator)
            let rounded = try Money(cents: cents).multiplied(by: factor, rounding: policy)
            // |rounded − exact| compared on integers: exact = cents × n / d.
            let exactTimesDenominator = Int128(cents) * Int128(factor.numerator)
            let error = (Int128(rounded.cents) * Int128(factor.denominator) - exactTimesDenominator).magnitude
            let unit = UInt128(policy.unit.cents) * UInt128(factor.denominator)
            switch policy.rule {
            case .halfAwayFromZero, .halfEven:
                #expect(error * 2 <= unit)
            case .towardZero, .awayFromZero:
                #expect(error < unit)
            }
            #expect(rounded.cents % policy.unit.cents == 0)
            // Symmetric around zero.
            let mirrored = try Money(cents: -cents).multiplied(by: factor, rounding: policy)
            #expect(mirrored.cents == -rounded.cents)
        }
    }

    @Test func formattingThenParsingRoundTrips() async {
        await propertyCheck(count: 10_000, input: Gen.int64(in: -100_000_000_000_000...100_000_000_000_000)) {
            cents in
            let amount = Money(cents: cents)
            #expect((try? Money(parsing: amount.french)) == amount)
            #expect((try? Money(parsing: amount.machine)) == amount)
            #expect((try? Money(parsing: amount.frenchPlain)) == amount)
        }
    }
}
