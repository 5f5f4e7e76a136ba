import SubventionCore

/// A table record settled straight from its bytes (« calcul direct d'une ligne »): the figures
/// ``ProgrammeRowSettler/settle(_:defaultParameters:asOf:)`` gives for the row ``ProgrammeTableLayout/fastRow(_:line:)``
/// reads, without making that row (no text, no dictionary: the values go into the kernel's slots as they are read).
///
/// It declines (nil) every record it is not sure of: a cell not in a common writing, a label unknown or whose model
/// the kernel does not take, an input outside its domain, any error at all. The caller then reads the record
/// through the one table reader and settles it on the general path, which alone gives diagnostics and errors.
/// `KernelParityTests` checks over generated records that what it gives equals that path. Not thread-safe (one
/// values buffer): one per thread.
package final class ProgrammeFastSettler {
    /// A settled record's figures: what `batch` writes of it, beside the record's own text fields.
    package struct Figures: Equatable {
        package var operationID: String
        package var quantity: Rational?
        package var declared: Money
        package var computed: Money
        package var difference: Money
        /// The record's own avance (its model's avance parameter), when it gives one (shown when the row is not
        /// settled).
        package var avance: Money?
        package var settlement: SettlementFigures?
    }

    /// How the records of one table label reach the kernel.
    struct Plan {
        let entry: ProgrammeRowSettler.Entry
        let kernel: SettlementKernel
        /// For each column of ``ProgrammeTableLayout/values``: the kernel slot and kind of its input, or nil when the
        /// model does not declare it (a record that fills it is declined).
        let valueSlots: [(slot: Int, kind: InputDeclaration.Kind)?]
        /// For each paid parameter of the model (the avance): its index in ``ProgrammeTableLayout/parameters``.
        let paidColumns: [(key: String, parameter: Int?)]
        /// The index in ``ProgrammeTableLayout/parameters`` of the model's avance parameter.
        let avanceColumn: Int?
    }

    let layout: ProgrammeTableLayout
    /// One plan per entry of ``ProgrammeTableLayout/byteLabels``; nil when its rows go through the general path.
    let plans: [Plan?]
    var values: [KernelValue] = []
    var parameters: [Money?] = []

    package init(layout: ProgrammeTableLayout, settler: ProgrammeRowSettler) {
        self.layout = layout
        plans = layout.byteLabels.map { label in
            guard let index = settler.entryIndex(forLabel: label.label) else { return nil }
            let entry = settler.entries[index]
            guard entry.usesKernel, let kernel = entry.terms.kernel, kernel.inputCount == entry.inputKeys.count,
                entry.inputKeys.allSatisfy({ kernel.slot($0) != nil })
            else { return nil }
            let valueSlots = zip(layout.values, label.valueKinds).map { value, kind -> (slot: Int, kind: InputDeclaration.Kind)? in
                guard let kind, let slot = kernel.slot(value.key), kernel.input(at: slot).kind == kind else { return nil }
                return (slot, kind)
            }
            let paidColumns = entry.paidParameters.map { key in (key, layout.parameters.firstIndex { $0.key == key }) }
            let avanceColumn = entry.terms.avanceParameter.flatMap { key in layout.parameters.firstIndex { $0.key == key } }
            return Plan(entry: entry, kernel: kernel, valueSlots: valueSlots, paidColumns: paidColumns, avanceColumn: avanceColumn)
        }
    }

    /// The figures of a record, or nil when it must go through the general path.
    /// - Parameter avanceShare: the avance of records that do not give theirs, as a share of the printed amount.
    package func settle(_ fields: [ArraySlice<UInt8>], avanceShare: Rational?) -> Figures? {
        // Optional lookup: an error declines the record; the general path then gives that error with its line.
        try? read(fields, avanceShare: avanceShare)
    }

    /// The figures of a record; nil or an error when it must go through the general path.
    private func read(_ fields: [ArraySlice<UInt8>], avanceShare: Rational?) throws(EngineError) -> Figures? {
        guard fields.count == layout.fieldCount else { return nil }
        // What fastRow reads and checks, in the same way.
        for column in layout.otherColumns where !ProgrammeTableLayout.isASCII(fields[column]) {
            guard String(validating: fields[column], as: UTF8.self) != nil else { return nil }
        }
        guard
            let labelIndex = fields[layout.operation].withUnsafeBytes({ label in
                layout.byteLabels.firstIndex { $0.bytes.count == label.count && $0.bytes.elementsEqual(label) }
            }),
            let plan = plans[labelIndex],
            let declared = TableCell.fastAmount(fields[layout.amount])
        else { return nil }
        var quantity: Rational?
        if let column = layout.quantity, !fields[column].isEmpty {
            guard let value = TableCell.fastQuantity(fields[column]) else { return nil }
            quantity = value
        }
        for column in [layout.territory, layout.structure] + (layout.sourceLine.map { [$0] } ?? [])
        where !ProgrammeTableLayout.isASCII(fields[column]) {
            guard String(validating: fields[column], as: UTF8.self) != nil else { return nil }
        }
        // A share with no avance parameter to fill is the general path's error.
        if avanceShare != nil, plan.entry.terms.avanceParameter == nil { return nil }
        let kernel = plan.kernel
        if values.count != kernel.inputCount {
            values = kernel.emptyValues
        } else {
            for slot in values.indices { values[slot] = .missing }
        }
        var given = 0
        for (index, column) in layout.values.enumerated() where !fields[column.column].isEmpty {
            guard let target = plan.valueSlots[index] else { return nil }
            let value: KernelValue
            switch target.kind {
            case .money:
                guard let amount = TableCell.fastAmount(fields[column.column]) else { return nil }
                value = KernelValue(amount)
            case .quantity:
                guard let read = TableCell.fastQuantity(fields[column.column]) else { return nil }
                value = KernelValue(read)
            }
            try kernel.input(at: target.slot).checkDomain(value)
            if values[target.slot].isMissing { given += 1 }
            values[target.slot] = value
        }
        parameters.removeAll(keepingCapacity: true)
        for column in layout.parameters {
            if fields[column.column].isEmpty {
                parameters.append(nil)
                continue
            }
            guard let amount = TableCell.fastAmount(fields[column.column]) else { return nil }
            parameters.append(amount)
        }
        // The settler's figures (ProgrammeRowSettler.settle), any error declining.
        let terms = plan.entry.terms
        let computed: Money
        if terms.pricing != nil {
            guard let quantity else { return nil }
            computed = Money(cents: try terms.amount(quantity: KernelValue(quantity), printed: declared.cents))
        } else {
            computed = declared
        }
        let difference = try exact { try declared - computed }
        var figures = Figures(
            operationID: terms.operation.id, quantity: quantity, declared: declared, computed: computed,
            difference: difference, avance: plan.avanceColumn.flatMap { parameters[$0] }, settlement: nil)
        guard !plan.entry.inputKeys.isEmpty, given == kernel.inputCount else { return figures }
        var paid = Money.zero
        for (key, parameter) in plan.paidColumns {
            var amount = parameter.flatMap { parameters[$0] }
            if amount == nil, let avanceShare {
                // As ProgrammeEvaluator.defaultParameters: the share fills the model's one avance parameter.
                guard key == terms.avanceParameter else { return nil }
                amount = try exact { try declared.multiplied(by: avanceShare, rounding: .nearestCent) }
            }
            guard let amount else { continue }
            paid = try exact { try paid + amount }
        }
        figures.settlement = try kernel.figures(
            values, paid: paid.cents, rowAmount: declared.cents, rowQuantity: quantity.map(KernelValue.init))
        return figures
    }
}
