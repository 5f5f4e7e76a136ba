/// An amount as a document writes it, with where it writes it: the checks compare it with the computation.
public struct WrittenFigure: Hashable, Sendable {
    public var amount: Money
    public var clause: Clause?

    public init(_ amount: Money, clause: Clause? = nil) {
        self.amount = amount
        self.clause = clause
    }
}
