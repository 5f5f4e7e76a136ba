extension SettlementKernel {
    /// One kernel's tables as plain pointers and integers: what every row reads. Trivially copyable, so reading
    /// it from a buffer costs no reference counting; it never leaves a ``Borrowed`` view.
    struct View: BitwiseCopyable {
        let parts: UnsafeBufferPointer<Part>
        let bounds: UnsafeBufferPointer<Bound>
        /// Per slot, whether the input is an amount (else a quantity): the domain check of every row.
        let moneySlots: UnsafeBufferPointer<Bool>
        /// For messages only; alive for as long as the view (see ``Borrowed``).
        unowned(unsafe) let tables: Tables
        let totalBounds: Span
        let hasSoldeCeiling: Bool
        let soldeCeiling: Int64
        let total: Int64
        let rule: RoundingRule
        let unit: Int64
        let totalSubject: Int
    }

    /// Kernels' tables without ownership, for the inner loop of a batch: no reference counting per row, so threads
    /// settling rows side by side never touch a shared counter.
    ///
    /// Non-escapable: a view exists only inside ``SettlementKernel/withBorrowed(_:)`` or
    /// ``SettlementKernel/withBorrowed(_:_:)``, which keep the kernels alive for the whole call; it cannot be
    /// stored, returned or captured by an escaping closure, so it never outlives its tables.
    ///
    /// ```swift
    /// try SettlementKernel.withBorrowed(kernels) { borrowed in
    ///     try values.withUnsafeBufferPointer { values in
    ///         for row in rows { figures = try borrowed.figures(values, paid: row.avance, kernel: row.operation) }
    ///     }
    /// }
    /// ```
    package struct Borrowed: ~Escapable {
        let views: UnsafeBufferPointer<View>

        @_lifetime(borrow views)
        init(views: borrowing UnsafeBufferPointer<View>) {
            self.views = copy views
        }

        /// The number of kernels borrowed.
        package var count: Int { views.count }

        /// ``SettlementKernel/figures(_:paid:rowAmount:rowQuantity:)`` of kernel number `kernel`, over a values
        /// buffer the caller keeps for a whole batch, refilled row after row.
        ///
        /// Checks once per call that `values` holds one value per input, then each value's domain (the full
        /// path's check, ``InputDeclaration/checkDomain(_:)``), before any figure.
        /// - Throws: ``EngineError``; never reads outside `values` or the tables.
        package func figures(
            _ values: UnsafeBufferPointer<KernelValue>, paid: Int64, rowAmount: Int64? = nil, rowQuantity: KernelValue? = nil,
            kernel: Int = 0
        ) throws(EngineError) -> SettlementFigures {
            guard views.indices.contains(kernel) else {
                throw .valueCount(expected: views.count, found: kernel + 1, what: "noyaux")
            }
            let view = views[kernel]
            guard values.count == view.moneySlots.count else {
                throw .valueCount(expected: view.moneySlots.count, found: values.count, what: "valeurs d'entrée")
            }
            for slot in 0..<values.count where !values[slot].isWithinDomain(money: view.moneySlots[slot]) {
                throw view.tables.inputs[slot].domainError(values[slot])
            }
            return try view.figures(values, paid: paid, rowAmount: rowAmount, rowQuantity: rowQuantity)
        }
    }

    /// Runs `body` with this kernel's tables borrowed (see ``Borrowed``); kernel number 0.
    package func withBorrowed<Result, Failure: Error>(_ body: (borrowing Borrowed) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        try Self.withBorrowed([self], body)
    }

    /// Runs `body` with the tables of `kernels` borrowed, kernel number `i` being `kernels[i]`; the kernels stay
    /// alive until `body` returns.
    package static func withBorrowed<Result, Failure: Error>(
        _ kernels: [SettlementKernel], _ body: (borrowing Borrowed) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: View.self, capacity: max(kernels.count, 1)) {
            (views) throws(Failure) -> Result in
            for (index, kernel) in kernels.enumerated() {
                (views.baseAddress! + index).initialize(to: kernel.view)
            }
            return try withExtendedLifetime(kernels) { () throws(Failure) -> Result in
                try body(Borrowed(views: UnsafeBufferPointer(rebasing: views[0..<kernels.count])))
            }
        }
    }

    var view: View {
        View(
            parts: UnsafeBufferPointer(tables.parts), bounds: UnsafeBufferPointer(tables.bounds),
            moneySlots: UnsafeBufferPointer(tables.moneySlots), tables: tables, totalBounds: totalBounds,
            hasSoldeCeiling: soldeCeiling != nil, soldeCeiling: soldeCeiling ?? 0, total: total, rule: rule, unit: unit,
            totalSubject: totalSubject)
    }
}

extension SettlementKernel.View {
    /// The figures of one row, its values already checked.
    func figures(
        _ values: UnsafeBufferPointer<KernelValue>, paid: Int64, rowAmount: Int64?, rowQuantity: KernelValue?
    ) throws(EngineError) -> SettlementFigures {
        var sum: Int64 = 0
        for part in parts {
            let conventional = rowAmount ?? part.conventional
            var amount: Int64
            if let rate = part.rate {
                var cost = try money(part.costSlot, values, subject: part.subject)
                for index in part.costBounds.start..<part.costBounds.end {
                    cost = min(
                        cost,
                        try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit, part.subject))
                }
                amount = try SettlementKernel.scale(cost, rate.numerator, rate.denominator, part.rule, part.unit)
            } else {
                amount = conventional
            }
            for index in part.bounds.start..<part.bounds.end {
                amount = min(
                    amount,
                    try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit, part.subject))
            }
            sum = try SettlementKernel.add(sum, amount)
        }
        var due = sum
        for index in totalBounds.start..<totalBounds.end {
            due = min(
                due, try evaluate(bounds[index], conventional: rowAmount ?? total, values, rowQuantity, rule, unit, totalSubject))
        }
        return try outcome(due: due, paid: paid)
    }

    func outcome(due: Int64, paid: Int64) throws(EngineError) -> SettlementFigures {
        let (balance, overflow) = due.subtractingReportingOverflow(paid)
        guard !overflow else { throw .arithmetic(.overflow(operation: "\(due) − \(paid)")) }
        let outcome: SettlementOutcome
        if balance > 0 {
            outcome = .solde(Money(cents: hasSoldeCeiling ? min(soldeCeiling, balance) : balance))
        } else if balance < 0 {
            outcome = .reversement(Money(cents: -balance))
        } else {
            outcome = .settled
        }
        return SettlementFigures(due: Money(cents: due), paid: Money(cents: paid), outcome: outcome)
    }

    @inline(__always)
    func money(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>, subject: Int) throws(EngineError) -> Int64 {
        let value = values[slot]
        guard value.denominator == 1 else { throw missing(slot, subject: subject) }
        return value.numerator
    }

    @inline(__always)
    func quantity(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>, subject: Int) throws(EngineError) -> KernelValue {
        let value = values[slot]
        guard value.denominator > 0 else { throw missing(slot, subject: subject) }
        return value
    }

    /// The full path's message: the input, and the component (or convention) that needs it.
    func missing(_ slot: Int, subject: Int) -> EngineError {
        let input = tables.inputs[slot]
        return .missingInput(key: input.key, label: input.label, component: tables.subjects[subject])
    }

    func evaluate(
        _ bound: SettlementKernel.Bound, conventional: Int64, _ values: UnsafeBufferPointer<KernelValue>,
        _ rowQuantity: KernelValue?, _ rule: RoundingRule, _ unit: Int64, _ subject: Int
    ) throws(EngineError) -> Int64 {
        switch bound {
        case .amount(let amount):
            return amount
        case .input(let slot, let numerator, let denominator):
            return try SettlementKernel.scale(try money(slot, values, subject: subject), numerator, denominator, rule, unit)
        case .prorata(let slot, let objective, let maximum):
            return try SettlementKernel.prorata(
                conventional, try quantity(slot, values, subject: subject), objective, maximum, rule, unit)
        case .prorataOfRow(let slot, let maximum):
            guard let objective = rowQuantity, objective.numerator > 0, objective.denominator > 0 else {
                throw .invalidObjective(component: tables.subjects[subject])
            }
            return try SettlementKernel.prorata(
                conventional, try quantity(slot, values, subject: subject), objective, maximum, rule, unit)
        case .perUnit(let price, let slot):
            return try UnitPricing(price: price, rule: rule, unit: unit).amount(quantity: try quantity(slot, values, subject: subject))
        }
    }
}
