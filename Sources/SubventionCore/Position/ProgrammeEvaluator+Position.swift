extension ProgrammeEvaluator {
    /// Where one row of the table stands: its printed amount committed, the avance given as a parameter paid
    /// (unless the bilan records payments), and the settlement when the bilan or the row gives the realised figures.
    public func position(of row: ProgrammeRow, bilan: Bilan = Bilan(), asOf: CalendarDate?) throws(EngineError) -> Position {
        let compiled = try compiledOperation(for: row)
        var bilan = bilan
        bilan.parameters = row.parameters.merging(bilan.parameters) { _, given in given }
        bilan.values = row.values.merging(bilan.values) { _, given in given }
        if bilan.payments.isEmpty {
            bilan.payments = Self.parameterPayments(compiled.model.convention, parameters: bilan.parameters)
        }
        return try compiled.model.position(bilan, asOf: asOf, row: try context(of: row))
    }
}
