import SubventionCore

/// What settling a row needs for a whole batch (see ``RowSettler/withBatch(_:)``): each row refills the values
/// buffer and calls its operation's kernel through the borrowed view, with no allocation and no reference counting.
struct RowBatch {
    let pricings: UnsafeBufferPointer<UnitPricing?>
    let values: UnsafeMutableBufferPointer<KernelValue>
    let realisedSlot: Int
    let costSlot: Int

    /// Due, solde and titre de recettes of one row, in cents.
    func settle(_ row: BenchmarkRow, on kernels: borrowing SettlementKernel.Borrowed) throws(EngineError)
        -> (due: Int64, solde: Int64, titre: Int64)
    {
        let quantity = KernelValue(numerator: row.places)
        let amount = try pricings[row.operation]?.amount(quantity: quantity) ?? 0
        values[realisedSlot] = KernelValue(numerator: row.realised)
        values[costSlot] = KernelValue(numerator: row.cost)
        let figures = try kernels.figures(
            UnsafeBufferPointer(values), paid: row.avance, rowAmount: amount, rowQuantity: quantity, kernel: row.operation)
        switch figures.outcome {
        case .solde(let solde): return (figures.due.cents, solde.cents, 0)
        case .reversement(let titre): return (figures.due.cents, 0, titre.cents)
        case .settled: return (figures.due.cents, 0, 0)
        }
    }
}
