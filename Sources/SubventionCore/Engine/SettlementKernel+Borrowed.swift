extension SettlementKernel {
    /// A kernel's tables without ownership, for the inner loop of a batch: copying it, or reading it from an
    /// array, costs no reference counting, so threads settling rows side by side never touch a shared counter.
    ///
    /// Valid only while the ``SettlementKernel`` it comes from is alive: keep the kernel (or the array of kernels)
    /// for the whole batch.
    ///
    /// ```swift
    /// let borrowed = kernels.map(\.borrowed)       // kernels stay alive until the batch ends
    /// values.withUnsafeBufferPointer { values in
    ///     for row in rows { figures = try borrowed[row.operation].figures(values, paid: row.avance) }
    /// }
    /// ```
    public struct Borrowed: @unchecked Sendable {
        // Unchecked: points into `Tables`, which are never written after the kernel is built.
        let parts: UnsafeBufferPointer<Part>
        let bounds: UnsafeBufferPointer<Bound>
        /// For the message of a missing input only.
        unowned(unsafe) let tables: Tables
        let totalBounds: Range<Int>
        let soldeCeiling: Int64?
        let total: Int64
        let rule: RoundingRule
        let unit: Int64

        init(tables: Tables, totalBounds: Range<Int>, soldeCeiling: Int64?, total: Int64, rule: RoundingRule, unit: Int64) {
            parts = UnsafeBufferPointer(tables.parts)
            bounds = UnsafeBufferPointer(tables.bounds)
            self.tables = tables
            self.totalBounds = totalBounds
            self.soldeCeiling = soldeCeiling
            self.total = total
            self.rule = rule
            self.unit = unit
        }

        /// ``SettlementKernel/figures(_:paid:rowAmount:rowQuantity:)`` over a values buffer the caller keeps for a
        /// whole batch, refilled row after row.
        public func figures(
            _ values: UnsafeBufferPointer<KernelValue>, paid: Int64, rowAmount: Int64? = nil, rowQuantity: KernelValue? = nil
        ) throws(EngineError) -> SettlementFigures {
            var sum: Int64 = 0
            for part in parts {
                let conventional = rowAmount ?? part.conventional
                var amount: Int64
                if let rate = part.rate {
                    var cost = try money(part.costSlot, values)
                    for index in part.costBounds {
                        cost = min(
                            cost, try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit))
                    }
                    amount = try SettlementKernel.scale(cost, rate.numerator, rate.denominator, part.rule, part.unit)
                } else {
                    amount = conventional
                }
                for index in part.bounds {
                    amount = min(
                        amount, try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit))
                }
                sum = try SettlementKernel.add(sum, amount)
            }
            var due = sum
            for index in totalBounds {
                due = min(due, try evaluate(bounds[index], conventional: rowAmount ?? total, values, rowQuantity, rule, unit))
            }
            return try outcome(due: due, paid: paid)
        }

        func outcome(due: Int64, paid: Int64) throws(EngineError) -> SettlementFigures {
            let balance = try SettlementKernel.add(due, -paid)
            let outcome: SettlementOutcome
            if balance > 0 {
                outcome = .solde(Money(cents: soldeCeiling.map { min($0, balance) } ?? balance))
            } else if balance < 0 {
                outcome = .reversement(Money(cents: -balance))
            } else {
                outcome = .settled
            }
            return SettlementFigures(due: Money(cents: due), paid: Money(cents: paid), outcome: outcome)
        }

        func money(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>) throws(EngineError) -> Int64 {
            let value = values[slot]
            guard value.denominator == 1 else { throw missing(slot) }
            return value.numerator
        }

        func quantity(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>) throws(EngineError) -> KernelValue {
            let value = values[slot]
            guard value.denominator > 0 else { throw missing(slot) }
            return value
        }

        func missing(_ slot: Int) -> EngineError {
            .missingInput(key: tables.inputs[slot].key, label: tables.inputs[slot].label, component: "")
        }

        func evaluate(
            _ bound: Bound, conventional: Int64, _ values: UnsafeBufferPointer<KernelValue>, _ rowQuantity: KernelValue?,
            _ rule: RoundingRule,
            _ unit: Int64
        ) throws(EngineError) -> Int64 {
            switch bound {
            case .amount(let amount):
                return amount
            case .input(let slot, let numerator, let denominator):
                return try SettlementKernel.scale(try money(slot, values), numerator, denominator, rule, unit)
            case .prorata(let slot, let objective, let maximum):
                return try SettlementKernel.prorata(conventional, try quantity(slot, values), objective, maximum, rule, unit)
            case .prorataOfRow(let slot, let maximum):
                guard let objective = rowQuantity, objective.numerator > 0, objective.denominator > 0 else {
                    throw .invalidObjective(component: "")
                }
                return try SettlementKernel.prorata(conventional, try quantity(slot, values), objective, maximum, rule, unit)
            case .perUnit(let price, let slot):
                return try UnitPricing(price: price, rule: rule, unit: unit).amount(quantity: try quantity(slot, values))
            }
        }
    }
}
