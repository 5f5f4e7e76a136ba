/// Settles the rows of a programme's table for a batch (« lot ») on the integer kernel: the figures of
/// ``ProgrammeEvaluator/evaluate(_:defaultParameters:asOf:)`` (computed amount, difference, due, solde or titre de
/// recettes) without a trace, for millions of rows.
///
/// Each operation is resolved and compiled once. A row goes through the kernel when its operation's model has one
/// and the model's paid amount is only its parameter installments (the avance); otherwise through the traced
/// evaluation, so every row gets the full path's figures or its error. Inputs are checked by the full path's check
/// (``InputDeclaration/checkDomain(_:)``). Not thread-safe (one values buffer): one settler per thread.
///
/// ```swift
/// let settler = try ProgrammeRowSettler(evaluator)
/// let figures = try settler.settle(row)   // CC Osartis Marquion: 20 800,00 € computed, 0,00 € difference
/// ```
package final class ProgrammeRowSettler {
    /// An operation resolved for the batch.
    package struct Entry {
        package let terms: ProgrammeOperationTerms
        /// Whether rows of this operation can be settled on the kernel.
        package let usesKernel: Bool
        /// The input keys the model declares, in slot order (a row is settled when it gives all of them).
        package let inputKeys: [String]
        /// The parameters whose installments count as paid (the avance), in installment order.
        package let paidParameters: [String]
    }

    package let evaluator: ProgrammeEvaluator
    package let entries: [Entry]
    let entryByLabel: [String: Int]
    var values: [KernelValue] = []
    /// Labels already resolved, with their UTF-8 length and entry (see ``entryIndex(forLabel:)``).
    var recentLabels: [(label: String, length: Int, index: Int)] = []

    /// A row's figures: what the batch report shows of it.
    package struct RowFigures: Hashable, Sendable {
        package var operationID: String
        package var computedAmount: Money
        package var difference: Money
        /// Nil when the row does not give every input of its model.
        package var settlement: SettlementFigures?

        package init(operationID: String, computedAmount: Money, difference: Money, settlement: SettlementFigures?) {
            self.operationID = operationID
            self.computedAmount = computedAmount
            self.difference = difference
            self.settlement = settlement
        }
    }

    package init(_ evaluator: ProgrammeEvaluator) {
        self.evaluator = evaluator
        var entries: [Entry] = []
        var byLabel: [String: Int] = [:]
        for operation in evaluator.programme.operations {
            guard let terms = evaluator.terms(forOperation: operation.id) else { continue }
            let model = terms.model.convention
            let paidParameters = model.installments.compactMap { installment -> String? in
                guard case .parameter(let key) = installment.amount else { return nil }
                return key
            }
            let usesKernel = terms.kernel != nil && !model.installments.contains { $0.alreadyPaid }
            entries.append(
                Entry(terms: terms, usesKernel: usesKernel, inputKeys: model.inputs.map(\.key), paidParameters: paidParameters))
            for label in operation.tableLabels + [operation.label, operation.id] { byLabel[label] = entries.count - 1 }
        }
        self.entries = entries
        entryByLabel = byLabel
    }

    /// The figures of `row`, as ``ProgrammeEvaluator/evaluate(_:defaultParameters:asOf:)`` gives them.
    /// - Parameter defaultParameters: parameter amounts (the avance) for rows that do not give their own.
    /// - Throws: ``EngineError``, the full path's error for the same row.
    package func settle(_ row: ProgrammeRow, defaultParameters: [String: Money] = [:], asOf: CalendarDate? = nil)
        throws(EngineError) -> RowFigures
    {
        guard let index = entryIndex(forLabel: row.operation) else {
            throw .unknownInput(key: row.operation, declared: evaluator.programme.operations.map(\.label))
        }
        let entry = entries[index]
        guard entry.usesKernel, let kernel = entry.terms.kernel else { return try traced(row, defaultParameters, asOf) }
        let computed: Money
        if entry.terms.pricing != nil {
            guard let quantity = row.quantity else {
                throw .missingInput(key: "quantite", label: "quantité de la ligne \(row.line)", component: row.structure)
            }
            computed = Money(cents: try entry.terms.amount(quantity: KernelValue(quantity), printed: row.declaredAmount.cents))
        } else {
            computed = row.declaredAmount
        }
        let difference = try exact { try row.declaredAmount - computed }
        var figures = RowFigures(
            operationID: entry.terms.operation.id, computedAmount: computed, difference: difference, settlement: nil)
        guard !entry.inputKeys.isEmpty, entry.inputKeys.allSatisfy({ row.values[$0] != nil }) else { return figures }
        values = try kernel.values(row.values)
        var paid: Int64 = 0
        for key in entry.paidParameters {
            guard let amount = row.parameters[key] ?? defaultParameters[key] else { continue }
            paid = try exact { try Money(cents: paid) + amount }.cents
        }
        figures.settlement = try kernel.figures(
            values, paid: paid, rowAmount: row.declaredAmount.cents, rowQuantity: row.quantity.map(KernelValue.init))
        return figures
    }

    /// The entry of a table label. The labels already seen are kept in a short list compared first: a stream
    /// gives the same few label strings again and again, and comparing a string with itself skips the hashing of
    /// a long non-ASCII label (normalised before hashing) that the dictionary would do for every row.
    package func entryIndex(forLabel label: String) -> Int? {
        let length = label.utf8.count
        for seen in recentLabels where seen.length == length && seen.label == label { return seen.index }
        guard let index = entryByLabel[label] else { return nil }
        if recentLabels.count < 32 { recentLabels.append((label, length, index)) }
        return index
    }

    /// The traced evaluation's figures (models the kernel does not take).
    func traced(_ row: ProgrammeRow, _ defaultParameters: [String: Money], _ asOf: CalendarDate?) throws(EngineError)
        -> RowFigures
    {
        let evaluation = try evaluator.evaluate(row, defaultParameters: defaultParameters, asOf: asOf)
        return RowFigures(
            operationID: evaluation.operationID, computedAmount: evaluation.computedAmount, difference: evaluation.difference,
            settlement: evaluation.settlement.map { SettlementFigures(due: $0.due, paid: $0.paid, outcome: $0.outcome) })
    }
}
