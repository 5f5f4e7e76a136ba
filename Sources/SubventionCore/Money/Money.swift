/// An exact amount of euros, held as a whole number of cents.
///
/// Only the operations money needs exist: addition, subtraction, negation, comparison, sums,
/// multiplication by an exact ``Rational`` rounded once under an explicit ``RoundingPolicy``, and splits.
/// Every operation that could overflow throws ``ArithmeticError``; none traps.
///
/// ```swift
/// let total = try Money(parsing: "1 466 282 €")
/// let avance = try total.multiplied(by: Rational(60, 100), rounding: .nearestCent)  // 879 769,20 €
/// ```
public struct Money: Hashable, Sendable, Comparable {
    /// The amount in cents (1 € = 100).
    public let cents: Int64

    /// Creates an amount from a number of cents.
    public init(cents: Int64) {
        self.cents = cents
    }

    /// Creates an amount of whole euros.
    /// - Throws: ``ArithmeticError/overflow(operation:)`` past ±92 233 720 368 547 758 €.
    public init(euros: Int64) throws {
        let (product, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw ArithmeticError.overflow(operation: "\(euros) €") }
        self.cents = product
    }

    /// Converts an exact number of euros (for example a unit price times a quantity) to money, rounding once.
    public init(euros: Rational, rounding: RoundingPolicy) throws {
        self = try Money(cents: 100).multiplied(numerator: euros.numerator, denominator: euros.denominator, rounding: rounding)
    }

    /// Zero euro.
    public static let zero = Money(cents: 0)

    /// The amount as an exact number of euros.
    public var euros: Rational {
        Rational(cents: cents)
    }

    public var isNegative: Bool { cents < 0 }
    public var isZero: Bool { cents == 0 }
    public var isPositive: Bool { cents > 0 }

    /// The absolute value.
    public func magnitude() throws -> Money {
        cents < 0 ? try negated() : self
    }

    /// The opposite amount.
    public func negated() throws -> Money {
        guard cents != .min else { throw ArithmeticError.overflow(operation: "−(\(self))") }
        return Money(cents: -cents)
    }

    /// The exact sum.
    public static func + (lhs: Money, rhs: Money) throws -> Money {
        let (sum, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        guard !overflow else { throw ArithmeticError.overflow(operation: "\(lhs) + \(rhs)") }
        return Money(cents: sum)
    }

    /// The exact difference.
    public static func - (lhs: Money, rhs: Money) throws -> Money {
        let (difference, overflow) = lhs.cents.subtractingReportingOverflow(rhs.cents)
        guard !overflow else { throw ArithmeticError.overflow(operation: "\(lhs) − \(rhs)") }
        return Money(cents: difference)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// This amount times an exact factor, rounded once under `rounding`.
    ///
    /// The product is computed exactly on 128 bits, then rounded to the policy's unit:
    /// 40,97 % × 1 607 669 € is 658 661,99 € at the cent and 658 662 € at the euro.
    public func multiplied(by factor: Rational, rounding: RoundingPolicy) throws -> Money {
        try multiplied(numerator: factor.numerator, denominator: factor.denominator, rounding: rounding)
    }

    /// `self × numerator / denominator` (denominator > 0, the fraction need not be reduced), rounded once.
    ///
    /// Uses 64-bit arithmetic when the product fits, 128-bit otherwise: the result is the same.
    func multiplied(numerator factorNumerator: Int64, denominator factorDenominator: Int64, rounding: RoundingPolicy)
        throws -> Money
    {
        let unit = rounding.unit.cents
        let (smallNumerator, overflowNumerator) = cents.multipliedReportingOverflow(by: factorNumerator)
        let (smallDenominator, overflowDenominator) = factorDenominator.multipliedReportingOverflow(by: unit)
        if !overflowNumerator, !overflowDenominator {
            let (result, overflow) = rounding.rule.divide64(smallNumerator, by: smallDenominator)
                .multipliedReportingOverflow(by: unit)
            if !overflow { return Money(cents: result) }
        }
        let numerator = Int128(cents) * Int128(factorNumerator)
        let denominator = Int128(factorDenominator) * Int128(unit)
        let units = rounding.rule.divide(numerator, by: denominator)
        let (result, overflow) = Money.narrow(units * Int128(rounding.unit.cents))
        guard !overflow else {
            throw ArithmeticError.overflow(operation: "\(self) × \(factorNumerator)/\(factorDenominator)")
        }
        return Money(cents: result)
    }

    /// The amount rounded to `policy`'s unit (already-whole amounts are unchanged).
    public func rounded(_ policy: RoundingPolicy) throws -> Money {
        try multiplied(by: .one, rounding: policy)
    }

    /// The smaller of two amounts.
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    /// The larger of two amounts.
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    static func narrow(_ value: Int128) -> (Int64, Bool) {
        guard let narrow = Int64(exactly: value) else { return (0, true) }
        return (narrow, false)
    }
}

extension Sequence where Element == Money {
    /// The exact sum of the amounts.
    /// - Throws: ``ArithmeticError/overflow(operation:)`` when the sum does not fit.
    public func sum() throws -> Money {
        try reduce(Money.zero) { try $0 + $1 }
    }
}
