extension CompiledConvention {
    /// Where the convention stands at `asOf` given what the bilan says happened (events, payments, figures).
    ///
    /// With every figure the settlement needs, the position is the settlement's (due, solde or reversement);
    /// otherwise it is a forecast (prévisionnel) on the montant conventionné, with the engine's reason. The amounts
    /// still to pay are spread over the unpaid installments in order, the solde taking what the others leave, so that
    /// the lines always sum to the reste à payer.
    /// - Throws: ``EngineError`` on arithmetic overflow, or when an installment stated as paid cannot be priced.
    public func position(_ bilan: Bilan, asOf: CalendarDate?) throws(EngineError) -> Position {
        try position(bilan, asOf: asOf, row: nil)
    }

    func position(_ bilan: Bilan, asOf: CalendarDate?, row: RowContext?) throws(EngineError) -> Position {
        let total = row?.amount ?? self.total
        var settlement: Settlement?
        var forecastReason: String?
        do {
            settlement = try settle(bilan, asOf: asOf, row: row)
        } catch {
            if case .arithmetic = error { throw error }
            forecastReason = error.description
        }
        var schedule: Schedule?
        var unscheduledReason: String?
        do {
            schedule = try self.schedule(
                events: bilan.events, parameters: bilan.parameters, payments: bilan.payments, row: row)
        } catch {
            if case .arithmetic = error { throw error }
            unscheduledReason = error.description
        }
        let paid: Money
        if let settlement {
            paid = settlement.paid
        } else {
            var silent = SilentTrace()
            paid = try paidAmount(bilan, total: total, trace: &silent)
        }
        var remaining = Money.zero
        var reversement = Money.zero
        var notPayable = Money.zero
        if let settlement {
            switch settlement.outcome {
            case .solde(let amount): remaining = amount
            case .reversement(let amount): reversement = amount
            case .settled: break
            }
            notPayable = settlement.notPayable
        } else {
            let balance = try exact { try total - paid }
            if balance.isPositive { remaining = balance }
            if balance.isNegative { reversement = try exact { try balance.negated() } }
        }
        var lines = try Self.positionLines(
            schedule: schedule, payments: bilan.payments, remaining: remaining, asOf: asOf,
            unscheduledReason: unscheduledReason)
        // Under a mise en demeure or a suspension, nothing more is paid until it is lifted: the unpaid amounts wait.
        if let life = settlement?.lifecycle, life.state == .formalNotice || life.state == .suspended {
            for index in lines.indices where !lines[index].state.isPaid {
                lines[index].state = .undated(awaiting: [], reason: life.summary)
            }
        }
        return Position(
            total: total, paid: paid, due: settlement?.due ?? total, remaining: remaining, reversement: reversement,
            notPayable: notPayable, settlement: settlement, forecastReason: forecastReason, schedule: schedule,
            lines: lines, obligations: settlement?.obligations ?? obligations(events: bilan.events, asOf: asOf))
    }

    /// The paid lines (payments, installments stated as paid) and `remaining` spread over the unpaid installments.
    static func positionLines(
        schedule: Schedule?, payments: [Payment], remaining: Money, asOf: CalendarDate?, unscheduledReason: String?
    ) throws(EngineError) -> [PositionLine] {
        var lines: [PositionLine] = []
        var paidOn: [String: Money] = [:]
        var byID: [String: ScheduledInstallment] = [:]
        for item in schedule?.installments ?? [] where byID[item.installment.id] == nil { byID[item.installment.id] = item }
        for payment in payments {
            let item = payment.installment.flatMap { byID[$0] }
            lines.append(
                PositionLine(
                    installmentID: payment.installment, label: item?.installment.label ?? payment.installment ?? "Versement",
                    amount: payment.amount, state: .paid(on: payment.date ?? item?.payableFrom),
                    triggers: item?.installment.triggers ?? []))
            if let id = payment.installment {
                paidOn[id] = try exact { try (paidOn[id] ?? .zero) + payment.amount }
            }
        }
        guard let schedule else {
            if remaining.isPositive {
                lines.append(
                    PositionLine(
                        installmentID: nil, label: "Reste à payer", amount: remaining,
                        state: .undated(awaiting: [], reason: unscheduledReason)))
            }
            return lines
        }
        var open: [(ScheduledInstallment, Money)] = []
        for item in schedule.installments {
            let id = item.installment.id
            if item.installment.alreadyPaid && paidOn[id] == nil {
                lines.append(
                    PositionLine(
                        installmentID: id, label: item.installment.label, amount: item.amount,
                        state: .paid(on: item.payableFrom), triggers: item.installment.triggers))
                continue
            }
            if item.installment.isSettlement { continue }
            let unpaid = try exact { try item.amount - (paidOn[id] ?? .zero) }
            if unpaid.isPositive { open.append((item, unpaid)) }
        }
        var left = remaining
        for (item, unpaid) in open where left.isPositive {
            let part = min(unpaid, left)
            lines.append(unpaidLine(item, amount: part, asOf: asOf))
            left = try exact { try left - part }
        }
        if left.isPositive {
            if let solde = schedule.installments.first(where: \.installment.isSettlement) {
                lines.append(unpaidLine(solde, amount: left, asOf: asOf))
            } else {
                lines.append(
                    PositionLine(
                        installmentID: nil, label: "Non réparti", amount: left,
                        state: .undated(awaiting: [], reason: "aucune échéance ne porte ce montant")))
            }
        }
        return lines
    }

    /// An unpaid amount of `item`: échu when payable and its date has passed, à venir when it has a date to come,
    /// sans date while it waits for an event and the document gives no date.
    static func unpaidLine(_ item: ScheduledInstallment, amount: Money, asOf: CalendarDate?) -> PositionLine {
        let state: PositionLine.State
        switch item.payability {
        case .paid, .payable:
            let date = item.dueDate ?? item.payableFrom
            if let date, let asOf, date > asOf {
                state = .upcoming(on: date, awaiting: [])
            } else {
                state = .overdue(since: date)
            }
        case .waiting(let events):
            if let due = item.dueDate, asOf.map({ due > $0 }) ?? true {
                state = .upcoming(on: due, awaiting: events)
            } else {
                state = .undated(awaiting: events, reason: nil)
            }
        }
        return PositionLine(
            installmentID: item.installment.id, label: item.installment.label, amount: amount, state: state,
            triggers: item.installment.triggers)
    }
}
