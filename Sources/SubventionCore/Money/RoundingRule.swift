/// How an exact result is brought to a whole number of rounding units, named by its direction relative to zero.
///
/// Negative amounts (a reversement) round symmetrically to positive ones:
/// `-0,005 €` rounds half away from zero to `-0,01 €`, never toward −∞.
public enum RoundingRule: String, CaseIterable, Hashable, Sendable, Codable, BitwiseCopyable {
    /// « Au centime le plus proche » : a half goes away from zero (0,5 → 1, −0,5 → −1). The default.
    case halfAwayFromZero = "half-away-from-zero"
    /// Banker's rounding: a half goes to the even neighbour (0,5 → 0, 1,5 → 2).
    case halfEven = "half-even"
    /// Troncature: drops the remainder (1,9 → 1, −1,9 → −1).
    case towardZero = "toward-zero"
    /// Any remainder goes away from zero (1,1 → 2, −1,1 → −2).
    case awayFromZero = "away-from-zero"

    /// French label used in explanations.
    public var frenchLabel: String {
        switch self {
        case .halfAwayFromZero: return "arrondi au plus proche (demi vers l'extérieur)"
        case .halfEven: return "arrondi au plus proche (demi au pair)"
        case .towardZero: return "troncature"
        case .awayFromZero: return "arrondi vers l'extérieur"
        }
    }

    /// Divides `numerator` by a positive `denominator` and rounds the quotient to an integer under this rule.
    ///
    /// - Precondition: `denominator > 0` (callers check it and throw ``ArithmeticError/divisionByZero(operation:)``).
    /// - Complexity: O(1).
    public func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        if let small = Int64(exactly: numerator), let divisor = Int64(exactly: denominator) {
            return Int128(divide64(small, by: divisor))
        }
        return divideWide(numerator, by: denominator)
    }

    /// ``divide(_:by:)`` on 64-bit integers: the common case, several times faster than 128-bit division.
    @inlinable
    public func divide64(_ numerator: Int64, by denominator: Int64) -> Int64 {
        adjusted(numerator / denominator, remainder: numerator % denominator, numerator: numerator, denominator: denominator)
    }

    func divideWide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        adjusted(numerator / denominator, remainder: numerator % denominator, numerator: numerator, denominator: denominator)
    }

    /// The truncated `quotient` moved one step away from zero when this rule says so, given the division's
    /// `remainder` (same sign as `numerator`).
    @inlinable
    func adjusted<Integer: SignedInteger & FixedWidthInteger>(
        _ quotient: Integer, remainder: Integer, numerator: Integer, denominator: Integer
    ) -> Integer {
        if remainder == 0 { return quotient }
        let awayStep: Integer = numerator < 0 ? -1 : 1
        let twiceRemainder = remainder.magnitude &* 2
        let magnitude = denominator.magnitude
        switch self {
        case .towardZero:
            return quotient
        case .awayFromZero:
            return quotient + awayStep
        case .halfAwayFromZero:
            return twiceRemainder >= magnitude ? quotient + awayStep : quotient
        case .halfEven:
            if twiceRemainder > magnitude { return quotient + awayStep }
            if twiceRemainder < magnitude { return quotient }
            return quotient.isMultiple(of: 2) ? quotient : quotient + awayStep
        }
    }
}
