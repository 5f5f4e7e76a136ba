/// What the checks of a programme's printed totals need from its table, per operation (« décompte par opération »):
/// the sum of the printed amounts, of the quantities and the number of rows. Built from rows read whole
/// (``init(rows:evaluator:)``) or row by row as `batch` streams a table of any size (``add(operationID:declared:quantity:)``).
public struct ProgrammeTally: Sendable, Equatable {
    /// One operation's sums.
    public struct Sums: Sendable, Equatable {
        public var printed = Money.zero
        public var quantity = Rational.zero
        public var rows = 0
    }

    /// By operation id.
    public private(set) var operations: [String: Sums] = [:]

    public init() {}

    /// The tally of `rows` (rows of an unknown operation count for none).
    public init(rows: [ProgrammeRow], evaluator: ProgrammeEvaluator) throws(EngineError) {
        for row in rows {
            guard let operation = evaluator.operationsByLabel[row.operation]?.operation.id else { continue }
            try add(operationID: operation, declared: row.declaredAmount, quantity: row.quantity)
        }
    }

    /// Counts one row of operation `operationID`.
    /// - Throws: ``EngineError`` when a sum overflows.
    public mutating func add(operationID: String, declared: Money, quantity: Rational?) throws(EngineError) {
        var sums = operations[operationID] ?? Sums()
        sums.printed = try exact { try sums.printed + declared }
        if let quantity { sums.quantity = try exact { try sums.quantity.adding(quantity) } }
        sums.rows += 1
        operations[operationID] = sums
    }
}
