extension CompiledConvention {
    /// Settles from input values already laid out in slots (``inputSlots(_:)``) and the amount paid, without a
    /// trace: the batch path, which allocates nothing per call for conventions without envelopes.
    ///
    /// Gives the same due and outcome as ``settle(_:asOf:)`` for the same figures.
    public func figures(slotted values: [InputValue?], paid: Money) throws(EngineError) -> SettlementFigures {
        try figures(slotted: values, paid: paid, row: nil)
    }

    func figures(slotted values: [InputValue?], paid: Money, row: RowContext?) throws(EngineError) -> SettlementFigures {
        var silent = SilentTrace()
        var componentsSum = Money.zero
        for index in components.indices {
            let settled = try settle(
                components[index], values: values, justifications: [], events: [:], row: row, trace: &silent)
            componentsSum = try exact { try componentsSum + settled.due }
        }
        let totals = try settleTotals(
            componentsSum: componentsSum, values: values, majoration: nil, paid: { (_: inout SilentTrace) in paid },
            row: row, trace: &silent)
        return SettlementFigures(due: totals.due, paid: totals.paid, outcome: totals.outcome)
    }
}
