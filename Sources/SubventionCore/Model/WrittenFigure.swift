/// An amount as a document writes it, with where it writes it: the checks compare it with the computation.
public struct WrittenFigure: Hashable, Sendable {
    public var amount: Money
    public var clause: Clause?
    /// Where the file writes it (`file:line:column`), when it was read from a file.
    public var position: SourcePosition?

    public init(_ amount: Money, clause: Clause? = nil, position: SourcePosition? = nil) {
        self.amount = amount
        self.clause = clause
        self.position = position
    }
}
