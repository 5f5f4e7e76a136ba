extension CompiledConvention {
    /// Settles one component from the slotted inputs, recording each step in `trace`.
    func settle<Recorder: TraceRecorder>(
        _ compiled: CompiledComponent, values: [InputValue?], justifications: [Justification],
        events: [String: CalendarDate], row: RowContext? = nil, trace: inout Recorder
    ) throws(EngineError) -> ComponentSettlement {
        let rounding = compiled.rounding
        let conventional = row?.amount ?? compiled.conventional
        var amount: Money
        switch compiled.basis {
        case .fixed, .unitRate:
            amount = conventional
            trace.record(
                compiled.component.clause, "\(compiled.component.label) : montant conventionné \(row?.basis ?? Self.describe(compiled.component.basis))",
                amount: amount, subject: compiled.component.id)
        case .costShare(let rate, let costSlot, let costLimits):
            let reported = try money(costSlot, in: values, for: compiled.component.id)
            var cost = reported
            let costLabel = convention.inputs[costSlot].label
            for limit in costLimits {
                let ceiling = try evaluate(limit, conventional: conventional, values: values, row: row,
                    rounding: rounding, subject: compiled.component.id)
                if ceiling < cost {
                    cost = ceiling
                    trace.record(
                        limit.source.clause, "\(costLabel) \(reported.french) retenu dans la limite de \(limit.source.label)",
                        amount: cost, subject: compiled.component.id)
                }
            }
            amount = try exact { try cost.multiplied(by: rate, rounding: rounding) }
            trace.record(
                compiled.component.clause,
                "\(compiled.component.label) : \(rate.frenchPercentage) de \(cost.french) (\(costLabel), \(rounding))",
                amount: amount, subject: compiled.component.id)
        case .envelope(let maximum, let deadline):
            let context = DateContext(period: convention.period, events: events)
            let limitDate = deadline.flatMap { $0.resolve(in: context) }
            var justified = Money.zero
            for justification in justifications where justification.component == compiled.component.id {
                if let limitDate, justification.date > limitDate {
                    trace.record(
                        compiled.component.clause,
                        "justificatif du \(justification.date.frenchShort) (\(justification.amount.french)) écarté : "
                            + "postérieur au \(limitDate.frenchShort)",
                        amount: nil, subject: compiled.component.id)
                    continue
                }
                justified = try exact { try justified + justification.amount }
            }
            amount = justified
            trace.record(
                compiled.component.clause,
                "\(compiled.component.label) : dépenses justifiées (enveloppe de \(maximum.french) au plus)",
                amount: amount, subject: compiled.component.id)
            if maximum < amount {
                amount = maximum
                trace.record(compiled.component.clause, "\(compiled.component.label) : plafonné à l'enveloppe", amount: amount,
                    subject: compiled.component.id)
            }
        }
        let beforeLimits = amount
        var binding: Limit?
        for limit in compiled.limits {
            let ceiling = try evaluate(limit, conventional: conventional, values: values, row: row,
                rounding: rounding, subject: compiled.component.id)
            if ceiling < amount {
                amount = ceiling
                binding = limit.source
                trace.record(
                    limit.source.clause, "\(compiled.component.label) : plafonné par \(limit.source.label)", amount: amount,
                    subject: compiled.component.id)
            }
        }
        return ComponentSettlement(
            id: compiled.component.id, label: compiled.component.label, conventional: conventional,
            beforeLimits: beforeLimits, bindingLimit: binding, due: amount)
    }

    /// The value of a ceiling for the given inputs.
    func evaluate(
        _ limit: CompiledLimit, conventional: Money, values: [InputValue?], row: RowContext? = nil,
        rounding: RoundingPolicy, subject: String
    ) throws(EngineError) -> Money {
        switch limit.kind {
        case .amount(let amount):
            return amount
        case .input(let slot, let share):
            let amount = try money(slot, in: values, for: subject)
            return try exact { try amount.multiplied(by: share, rounding: rounding) }
        case .prorata(let realisedSlot, let objective, let maximumRatio):
            let realised = try quantity(realisedSlot, in: values, for: subject)
            return try Self.prorata(conventional, realised: realised, objective: objective, maximumRatio: maximumRatio,
                rounding: rounding)
        case .prorataOfRow(let realisedSlot, _, let maximumRatio):
            guard let objective = row?.quantity, objective > .zero else { throw .invalidObjective(component: subject) }
            let realised = try quantity(realisedSlot, in: values, for: subject)
            return try Self.prorata(conventional, realised: realised, objective: objective, maximumRatio: maximumRatio,
                rounding: rounding)
        case .perUnit(let price, let slot):
            let count = try quantity(slot, in: values, for: subject)
            return try exact { try Money(euros: price.multiplied(by: count), rounding: rounding) }
        }
    }

    /// `conventional × min(realised / objective, maximumRatio)`, rounded once.
    ///
    /// The kernel's computation (``SettlementKernel/prorata(_:_:_:_:_:_:)``): unreduced fractions in 64-bit integers
    /// when they fit, 128-bit otherwise, so a ratio far above its maximum is capped instead of overflowing; both
    /// paths compute a prorata with this one function.
    static func prorata(
        _ conventional: Money, realised: Rational, objective: Rational, maximumRatio: Rational, rounding: RoundingPolicy
    ) throws(EngineError) -> Money {
        Money(
            cents: try SettlementKernel.prorata(
                conventional.cents, KernelValue(realised), KernelValue(objective), KernelValue(maximumRatio), rounding.rule,
                rounding.unit.cents))
    }

    static func describe(_ basis: FundingBasis) -> String {
        switch basis {
        case .fixed(let amount): return "(montant fixe de \(amount.french))"
        case .unitRate(let price, let quantity): return "(\(price) × \(quantity))"
        case .costShare(let rate, let input, _, _): return "(\(rate.frenchPercentage) de « \(input) »)"
        case .envelope(let maximum, _): return "(enveloppe de \(maximum.french))"
        }
    }
}
