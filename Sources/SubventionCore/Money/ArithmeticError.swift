/// An exact computation that cannot be carried out: the result does not fit, or divides by zero.
///
/// Money never traps: every operation that could overflow throws this error instead.
public enum ArithmeticError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The result does not fit in the representation (for money: ±92 233 720 368 547 758,07 €).
    case overflow(operation: String)
    /// A ratio or rate with a zero denominator.
    case divisionByZero(operation: String)

    public var description: String {
        switch self {
        case .overflow(let operation):
            return "dépassement de capacité dans le calcul : \(operation)"
        case .divisionByZero(let operation):
            return "division par zéro dans le calcul : \(operation)"
        }
    }
}
