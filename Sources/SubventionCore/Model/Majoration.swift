/// An exceptional increase of the amount due, which exists only through an explicit decision within a bound
/// (« dans la limite de 20 % de la dotation conventionnée »).
public struct Majoration: Hashable, Sendable {
    /// The bound as a share of the conventional total.
    public var maximumShare: Rational
    /// Who decides and on what (« sur demande motivée, décision de la Présidente »).
    public var condition: String
    public var clause: Clause?

    public init(maximumShare: Rational, condition: String, clause: Clause? = nil) {
        self.maximumShare = maximumShare
        self.condition = condition
        self.clause = clause
    }
}
