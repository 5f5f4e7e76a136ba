extension CompiledConvention {
    /// Settles the convention from a bilan, keeping every step for explanations.
    ///
    /// Each component is computed and capped on its own (components are not fungible), the sum is capped
    /// by the total ceilings, an accepted majoration is added, then `due − paid` is the solde (within the
    /// solde ceiling) or the reversement.
    /// - Parameter asOf: the date obligations are judged at (`nil`: only fulfilled/undetermined states).
    /// - Throws: ``EngineError`` when the bilan lacks a figure, has a wrong unit, or a majoration is refused.
    /// - Parameter readings: readings of ambiguous clauses to apply instead of the retained ones (clause or reading
    ///   ids of the convention's résiliation clauses).
    public func settle(_ bilan: Bilan, asOf: CalendarDate? = nil, readings: Set<String> = []) throws(EngineError)
        -> Settlement
    {
        try settle(bilan, asOf: asOf, row: nil, readings: readings)
    }

    func settle(_ bilan: Bilan, asOf: CalendarDate?, row: RowContext?, readings: Set<String> = []) throws(EngineError)
        -> Settlement
    {
        var trace = Trace()
        let values = try inputSlots(bilan.values)
        for justification in bilan.justifications {
            guard
                let component = components.first(where: { $0.component.id == justification.component }),
                case .envelope = component.basis
            else { throw .notAnEnvelope(component: justification.component) }
        }
        var settled: [ComponentSettlement] = []
        settled.reserveCapacity(components.count)
        for component in components {
            settled.append(
                try settle(component, values: values, justifications: bilan.justifications, events: bilan.events,
                    row: row, trace: &trace))
        }
        let componentsSum = try exact { try settled.map(\.due).sum() }
        if settled.count > 1 {
            trace.record(nil, "Somme des composantes (non fongibles)", amount: componentsSum, subject: nil)
        }
        let paid = { (trace: inout Trace) throws(EngineError) -> Money in
            try paidAmount(bilan, total: row?.amount ?? total, trace: &trace)
        }
        var totals = try settleTotals(
            componentsSum: componentsSum, values: values, majoration: bilan.majoration, paid: paid, row: row, trace: &trace)
        let lifecycle = try applyLifecycle(bilan, asOf: asOf, readings: readings, totals: &totals, trace: &trace)
        return Settlement(
            conventionID: convention.id, total: row?.amount ?? total, components: settled, componentsSum: totals.componentsSum,
            bindingTotalLimit: totals.bindingLimit, majoration: totals.majoration, due: totals.due, paid: totals.paid,
            balance: totals.balance, outcome: totals.outcome, notPayable: totals.notPayable,
            soldePayability: soldePayability(bilan), obligations: obligations(events: bilan.events, asOf: asOf),
            trace: trace.steps, lifecycle: lifecycle)
    }

    /// Whether the solde installment can be paid with the bilan's events (nil when the convention has no solde).
    func soldePayability(_ bilan: Bilan) -> Payability? {
        guard let solde = convention.installments.first(where: \.isSettlement) else { return nil }
        return solde.payability(
            events: bilan.events, recordedPaid: bilan.payments.contains { $0.installment == solde.id })
    }

    struct Totals {
        var componentsSum: Money
        var bindingLimit: Limit?
        var majoration: Money
        var due: Money
        var paid: Money
        var balance: Money
        var outcome: SettlementOutcome
        var notPayable: Money
    }

    /// Total ceilings, majoration, then the solde or reversement against what was paid (computed after the due, so
    /// that the trace reads in order).
    func settleTotals<Recorder: TraceRecorder>(
        componentsSum: Money, values: [InputValue?], majoration requested: Money?,
        paid paidAmount: (inout Recorder) throws(EngineError) -> Money, row: RowContext?, trace: inout Recorder
    ) throws(EngineError) -> Totals {
        let terms = convention.settlement
        let total = row?.amount ?? self.total
        var due = componentsSum
        var binding: Limit?
        for limit in terms.totalLimits {
            let compiled = try CompiledConvention.compile(
                limit, inputs: convention.inputs, slots: slots, subject: convention.id)
            let ceiling = try evaluate(compiled, conventional: total, values: values, row: row,
                rounding: convention.rounding, subject: convention.id)
            if ceiling < due {
                due = ceiling
                binding = limit
                trace.record(limit.clause, "Total plafonné par \(limit.label)", amount: due, subject: nil)
            }
        }
        let majoration = try acceptedMajoration(requested, total: total, trace: &trace)
        if !majoration.isZero {
            due = try exact { try due + majoration }
            trace.record(convention.majoration?.clause, "Dotation due après majoration", amount: due, subject: nil)
        }
        trace.record(nil, "Dotation due", amount: due, subject: nil)
        let paid = try paidAmount(&trace)
        let balance = try exact { try due - paid }
        var outcome = SettlementOutcome.settled
        var notPayable = Money.zero
        if balance.isPositive {
            var solde = balance
            if let ceiling = terms.soldeLimit, ceiling.amount < balance {
                solde = ceiling.amount
                notPayable = try exact { try balance - ceiling.amount }
                trace.record(
                    ceiling.clause,
                    "Solde plafonné à \(ceiling.amount.french) ; \(notPayable.french) ne peuvent être versés",
                    amount: solde, subject: nil)
            }
            outcome = .solde(solde)
            let soldeClause = convention.installments.first { $0.isSettlement }?.clause
            trace.record(soldeClause, "Solde à verser : \(due.french) dus moins \(paid.french) versés", amount: solde,
                subject: nil)
        } else if balance.isNegative {
            let claim = try exact { try balance.negated() }
            outcome = .reversement(claim)
            trace.record(
                terms.reversementClause,
                "Trop-perçu : \(paid.french) versés pour \(due.french) dus, \(terms.reversementLabel) à émettre",
                amount: claim, subject: nil)
        }
        return Totals(
            componentsSum: componentsSum, bindingLimit: binding, majoration: majoration, due: due, paid: paid,
            balance: balance, outcome: outcome, notPayable: notPayable)
    }

    func acceptedMajoration<Recorder: TraceRecorder>(_ requested: Money?, total: Money, trace: inout Recorder)
        throws(EngineError) -> Money
    {
        guard let requested, !requested.isZero else { return .zero }
        guard let rule = convention.majoration else { throw .majorationNotProvided }
        let bound = try exact { try total.multiplied(by: rule.maximumShare, rounding: convention.rounding) }
        guard !requested.isNegative, requested <= bound else {
            throw .majorationAboveBound(requested: requested, bound: bound, clause: rule.clause)
        }
        trace.record(
            rule.clause,
            "Majoration exceptionnelle décidée (\(rule.condition)), dans la limite de "
                + "\(rule.maximumShare.frenchPercentage) de \(total.french) = \(bound.french)",
            amount: requested, subject: nil)
        return requested
    }

    /// Payments of the bilan, plus installments the document states as paid when no payment records them.
    func paidAmount<Recorder: TraceRecorder>(_ bilan: Bilan, total: Money, trace: inout Recorder)
        throws(EngineError) -> Money
    {
        var paid = Money.zero
        for payment in bilan.payments {
            paid = try exact { try paid + payment.amount }
        }
        let recorded = Set(bilan.payments.compactMap(\.installment))
        let stated = convention.installments.filter { $0.alreadyPaid && !recorded.contains($0.id) }
        if !stated.isEmpty {
            var silent = SilentTrace()
            let amounts = try installmentAmounts(parameters: bilan.parameters, total: total, trace: &silent)
            for (installment, amount) in zip(convention.installments, amounts) where stated.contains(installment) {
                paid = try exact { try paid + amount }
                trace.record(installment.clause, "\(installment.label) déjà versé", amount: amount,
                    subject: installment.id)
            }
        }
        trace.record(nil, "Déjà versé", amount: paid, subject: nil)
        return paid
    }
}
