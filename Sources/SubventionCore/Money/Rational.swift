/// An exact rational number: rates (40,97 %), unit prices with sub-cent precision (0,2049 €/abonné),
/// quantities that are not whole (1,5 ETP) and prorata ratios (97/130).
///
/// Always kept reduced with a positive denominator, so equal values compare equal.
/// Every operation checks for overflow and throws ``ArithmeticError`` instead of trapping.
///
/// ```swift
/// let rate = try Rational(parsingDecimal: "40,97")   // 4097/100
/// let share = try rate.dividing(by: 100)              // 4097/10000
/// ```
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The numerator; carries the sign.
    public let numerator: Int64
    /// The denominator; always positive.
    public let denominator: Int64

    /// Zero.
    public static let zero = Rational(uncheckedNumerator: 0, denominator: 1)
    /// One (100 %).
    public static let one = Rational(uncheckedNumerator: 1, denominator: 1)

    /// Creates `numerator / denominator`, reduced.
    /// - Throws: ``ArithmeticError/divisionByZero(operation:)`` when `denominator` is zero.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) throws {
        guard denominator != 0 else { throw ArithmeticError.divisionByZero(operation: "\(numerator)/0") }
        try self.init(reducing: Int128(numerator), Int128(denominator))
    }

    /// Creates a whole number.
    public init(_ integer: Int64) {
        self.init(uncheckedNumerator: integer, denominator: 1)
    }

    /// Creates `cents / 100`, which always fits once reduced.
    init(cents: Int64) {
        let divisor = Int64(Rational.gcd(UInt128(cents.magnitude), 100))
        self.init(uncheckedNumerator: cents / divisor, denominator: 100 / divisor)
    }

    private init(uncheckedNumerator numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Reduces a wide fraction and narrows it, throwing when it does not fit.
    init(reducing numerator: Int128, _ denominator: Int128) throws {
        guard denominator != 0 else { throw ArithmeticError.divisionByZero(operation: "\(numerator)/0") }
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        var reducedNumerator = numerator / Int128(divisor)
        var reducedDenominator = denominator / Int128(divisor)
        if reducedDenominator < 0 {
            reducedNumerator = -reducedNumerator
            reducedDenominator = -reducedDenominator
        }
        guard let narrowNumerator = Int64(exactly: reducedNumerator),
            let narrowDenominator = Int64(exactly: reducedDenominator)
        else { throw ArithmeticError.overflow(operation: "\(numerator)/\(denominator)") }
        self.init(uncheckedNumerator: narrowNumerator, denominator: narrowDenominator)
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    /// `true` when the value is negative.
    public var isNegative: Bool { numerator < 0 }
    /// `true` when the value is zero.
    public var isZero: Bool { numerator == 0 }
    /// `true` when the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The exact sum.
    public func adding(_ other: Rational) throws -> Rational {
        try Rational(
            reducing: Int128(numerator) * Int128(other.denominator) + Int128(other.numerator) * Int128(denominator),
            Int128(denominator) * Int128(other.denominator))
    }

    /// The exact difference.
    public func subtracting(_ other: Rational) throws -> Rational {
        try adding(Rational(uncheckedNumerator: -other.numerator, denominator: other.denominator))
    }

    /// The exact product.
    public func multiplied(by other: Rational) throws -> Rational {
        try Rational(
            reducing: Int128(numerator) * Int128(other.numerator), Int128(denominator) * Int128(other.denominator))
    }

    /// The exact quotient.
    public func divided(by other: Rational) throws -> Rational {
        guard other.numerator != 0 else { throw ArithmeticError.divisionByZero(operation: "\(self) ÷ 0") }
        return try Rational(
            reducing: Int128(numerator) * Int128(other.denominator), Int128(denominator) * Int128(other.numerator))
    }

    /// Rounds to a whole number under `rule`.
    public func rounded(_ rule: RoundingRule) -> Int128 {
        rule.divide(Int128(numerator), by: Int128(denominator))
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    /// The smaller of two values.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }

    /// `numerator/denominator`, or the integer alone.
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
