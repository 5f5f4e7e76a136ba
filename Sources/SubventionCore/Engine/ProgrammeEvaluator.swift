/// Applies a programme's model conventions to the rows of its structures table.
///
/// Each operation is compiled once; rows are then evaluated without re-parsing.
public struct ProgrammeEvaluator: Sendable {
    struct CompiledOperation: Sendable {
        let operation: Operation
        let model: CompiledConvention
    }

    public let programme: Programme
    let operationsByLabel: [String: CompiledOperation]

    /// Compiles every operation with its model convention.
    /// - Throws: ``EngineError`` when a model refers to an undeclared input.
    public init(_ programme: Programme) throws(EngineError) {
        var byLabel: [String: CompiledOperation] = [:]
        for operation in programme.operations {
            guard let model = programme.models[operation.model] else {
                throw .unknownInput(key: operation.model, declared: programme.models.keys.sorted())
            }
            var terms = model.terms
            terms.id = operation.id
            terms.components = [
                Component(id: operation.id, label: operation.label, basis: .fixed(.zero), limits: model.rowLimits,
                    clause: operation.clause)
            ]
            let compiled = CompiledOperation(operation: operation, model: try CompiledConvention(terms))
            for label in operation.tableLabels + [operation.label, operation.id] { byLabel[label] = compiled }
        }
        self.programme = programme
        self.operationsByLabel = byLabel
    }

    func compiledOperation(for row: ProgrammeRow) throws(EngineError) -> CompiledOperation {
        guard let compiled = operationsByLabel[row.operation] else {
            throw .unknownInput(key: row.operation, declared: programme.operations.map(\.label))
        }
        return compiled
    }

    /// The amount a row should have: quantity × unit price, or its printed amount when the operation has no rate.
    public func computedAmount(of row: ProgrammeRow) throws(EngineError) -> Money {
        let compiled = try compiledOperation(for: row)
        switch compiled.operation.pricing {
        case .unitRate(let price):
            guard let quantity = row.quantity else {
                throw .missingInput(key: "quantite", label: "quantité de la ligne \(row.line)", component: row.structure)
            }
            return try Self.unitAmount(price, quantity: quantity, rounding: compiled.model.convention.rounding)
        case .amountPerRow:
            return row.declaredAmount
        }
    }

    /// Quantity × unit price, rounded once under `rounding`: the one computation of a row's amount, for the traced
    /// path and the batch kernel alike (exact in 64-bit integers, 128-bit when a product needs it; an overflow of
    /// the result only is an error).
    static func unitAmount(_ price: UnitPrice, quantity: Rational, rounding: RoundingPolicy) throws(EngineError) -> Money {
        Money(
            cents: try UnitPricing(price: KernelValue(price.euros), rule: rounding.rule, unit: rounding.unit.cents)
                .amount(quantity: KernelValue(quantity)))
    }

    /// The row as the settlement sees it: the amount the table prints (the amount voted), explained by its rate.
    ///
    /// Where quantity × rate differs from the printed amount (CCAS Auchel), the printed amount is settled and the
    /// difference is reported by ``ProgrammeChecker``.
    func context(of row: ProgrammeRow) throws(EngineError) -> RowContext {
        let operation = try compiledOperation(for: row).operation
        let basis: String
        switch operation.pricing {
        case .unitRate(let price):
            let computed = try computedAmount(of: row)
            let product = row.quantity.map { "\(Quantity($0, price.unit)) × \(price)" } ?? "\(price)"
            basis = computed == row.declaredAmount
                ? "(\(product))" : "(montant imprimé ; \(product) = \(computed.french))"
        case .amountPerRow:
            basis = "(montant de la ligne du tableau)"
        }
        return RowContext(amount: row.declaredAmount, quantity: row.quantity, basis: basis)
    }

    /// Evaluates a row: amount check, and the settlement when the row gives the model's figures.
    /// - Parameter defaultParameters: parameter amounts (the avance) for rows that do not give their own.
    public func evaluate(_ row: ProgrammeRow, defaultParameters: [String: Money] = [:], asOf: CalendarDate? = nil)
        throws(EngineError) -> RowEvaluation
    {
        let compiled = try compiledOperation(for: row)
        let amount = try computedAmount(of: row)
        let difference = try exact { try row.declaredAmount - amount }
        var settlement: Settlement?
        let declaredKeys = Set(compiled.model.convention.inputs.map(\.key))
        if !declaredKeys.isEmpty, declaredKeys.isSubset(of: row.values.keys) {
            let bilan = Bilan(values: row.values, parameters: defaultParameters.merging(row.parameters) { $1 })
            settlement = try settle(row, bilan: bilan, asOf: asOf)
        }
        return RowEvaluation(
            row: row, operationID: compiled.operation.id, computedAmount: amount, difference: difference,
            settlement: settlement)
    }

    /// The échéancier of one row's convention; a parameter installment (the avance) counts as paid when the
    /// parameter is given and no payment is recorded, as in ``settle(_:bilan:asOf:)``.
    public func schedule(
        _ row: ProgrammeRow, events: [String: CalendarDate] = [:], defaultParameters: [String: Money] = [:],
        payments: [Payment] = []
    ) throws(EngineError) -> Schedule {
        let compiled = try compiledOperation(for: row)
        let parameters = defaultParameters.merging(row.parameters) { _, rowValue in rowValue }
        let paid = payments.isEmpty ? Self.parameterPayments(compiled.model.convention, parameters: parameters) : payments
        return try compiled.model.schedule(events: events, parameters: parameters, payments: paid, row: try context(of: row))
    }

    /// Payments standing for parameter installments whose amount is given (the avance paid at signature).
    static func parameterPayments(_ terms: Convention, parameters: [String: Money]) -> [Payment] {
        terms.installments.compactMap { installment -> Payment? in
            guard case .parameter(let key) = installment.amount, let paid = parameters[key] else { return nil }
            return Payment(installment: installment.id, amount: paid)
        }
    }
}

extension ProgrammeEvaluator {
    /// The rows of `rows` for `structure` (and `operation`, a table label or operation id, when given).
    public static func rows(
        named structure: String, operation: String? = nil, in rows: [ProgrammeRow], programme: Programme
    ) -> [ProgrammeRow] {
        rows.filter { row in
            guard row.structure == structure else { return false }
            guard let operation else { return true }
            return row.operation == operation || programme.operation(forTableLabel: row.operation)?.id == operation
        }
    }

    /// The model terms of a row's operation, as a convention (for reading its bilan: inputs, parameters).
    public func terms(for row: ProgrammeRow) throws(EngineError) -> Convention {
        var terms = try compiledOperation(for: row).model.convention
        terms.id = programme.id
        terms.beneficiaire = row.structure
        terms.territory = row.territory
        return terms
    }

    /// Settles one row from a bilan (realised figures, payments, the avance as a parameter).
    ///
    /// An avance given as a parameter counts as paid unless the bilan records payments itself.
    public func settle(_ row: ProgrammeRow, bilan: Bilan, asOf: CalendarDate? = nil, readings: Set<String> = [])
        throws(EngineError) -> Settlement
    {
        let compiled = try compiledOperation(for: row)
        var bilan = bilan
        bilan.parameters = row.parameters.merging(bilan.parameters) { _, given in given }
        if bilan.payments.isEmpty { bilan.payments = Self.parameterPayments(compiled.model.convention, parameters: bilan.parameters) }
        return try compiled.model.settle(bilan, asOf: asOf, row: try context(of: row), readings: readings)
    }
}
