/// What the checks of a programme's printed totals need from its table, per operation (« décompte par opération »):
/// the sum of the printed amounts, of the quantities and the number of rows. Built from rows read whole
/// (``init(rows:evaluator:)``) or row by row as `batch` streams a table of any size (``add(operationID:declared:quantity:)``).
public struct ProgrammeTally: Sendable, Equatable {
    /// One operation's sums.
    public struct Sums: Sendable, Equatable {
        public var printed = Money.zero
        public var quantity = Rational.zero
        public var rows = 0

        public init(printed: Money = .zero, quantity: Rational = .zero, rows: Int = 0) {
            self.printed = printed
            self.quantity = quantity
            self.rows = rows
        }

        /// Counts one more row.
        /// - Throws: ``EngineError`` when a sum overflows.
        public mutating func add(declared: Money, quantity: Rational?) throws(EngineError) {
            printed = try exact { try printed + declared }
            if let quantity { self.quantity = try exact { try self.quantity.adding(quantity) } }
            rows += 1
        }
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

    /// Adds the rows another tally counted (a chunk of a streamed table).
    /// - Throws: ``EngineError`` when a sum overflows.
    public mutating func add(_ other: ProgrammeTally) throws(EngineError) {
        for (operation, more) in other.operations { try add(operationID: operation, sums: more) }
    }

    /// Adds rows of operation `operationID` counted elsewhere.
    /// - Throws: ``EngineError`` when a sum overflows.
    public mutating func add(operationID: String, sums more: Sums) throws(EngineError) {
        var sums = operations[operationID] ?? Sums()
        sums.printed = try exact { try sums.printed + more.printed }
        sums.quantity = try exact { try sums.quantity.adding(more.quantity) }
        sums.rows += more.rows
        operations[operationID] = sums
    }

    /// Counts one row of operation `operationID`.
    /// - Throws: ``EngineError`` when a sum overflows.
    public mutating func add(operationID: String, declared: Money, quantity: Rational?) throws(EngineError) {
        try add(operationID: operationID, sums: Sums(printed: declared, quantity: quantity ?? .zero, rows: 1))
    }
}
