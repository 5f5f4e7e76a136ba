extension CompiledConvention {
    /// The échéancier: each installment's amount, trigger dates, due date and status.
    ///
    /// Shares apply to the total under the convention's rounding; the remainder installment takes
    /// `total − Σ others`, so the installments sum exactly to the total.
    /// - Parameters:
    ///   - events: dates of events (`signature`, `bilan-recu`…).
    ///   - parameters: amounts for `parametre` installments (the avance of a model convention).
    ///   - payments: payments already made; an installment with a payment recorded for it is paid.
    public func schedule(
        events: [String: CalendarDate] = [:], parameters: [String: Money] = [:], payments: [Payment] = []
    ) throws(EngineError) -> Schedule {
        try schedule(events: events, parameters: parameters, payments: payments, row: nil)
    }

    func schedule(
        events: [String: CalendarDate], parameters: [String: Money], payments: [Payment], row: RowContext?
    ) throws(EngineError) -> Schedule {
        var trace = Trace()
        let total = row?.amount ?? self.total
        let amounts = try installmentAmounts(parameters: parameters, total: total, trace: &trace)
        let context = DateContext(period: convention.period, events: events)
        let paidInstallments = Set(payments.compactMap(\.installment))
        var scheduled: [ScheduledInstallment] = []
        for (installment, amount) in zip(convention.installments, amounts) {
            var triggerDates: [TriggerEvent: CalendarDate] = [:]
            for trigger in installment.triggers {
                if let date = events[trigger.rawValue] { triggerDates[trigger] = date }
            }
            let allHappened = triggerDates.count == installment.triggers.count
            let payableFrom = allHappened ? triggerDates.values.max() : nil
            let status: ScheduledInstallment.Status
            if installment.alreadyPaid || paidInstallments.contains(installment.id) {
                status = .paid
            } else {
                status = allHappened ? .payable : .waiting
            }
            scheduled.append(
                ScheduledInstallment(
                    installment: installment, amount: amount, triggerDates: triggerDates, payableFrom: payableFrom,
                    dueDate: installment.due.flatMap { $0.resolve(in: context) }, status: status))
        }
        return Schedule(conventionID: convention.id, total: total, installments: scheduled, trace: trace.steps)
    }

    /// The amount of every installment, in order; the remainder takes what the others leave.
    func installmentAmounts<Recorder: TraceRecorder>(
        parameters: [String: Money], total: Money, trace: inout Recorder
    ) throws(EngineError) -> [Money] {
        let installments = convention.installments
        guard installments.filter({ $0.amount == .remainder }).count <= 1 else { throw .severalRemainders }
        var amounts = [Money](repeating: .zero, count: installments.count)
        var allocated = Money.zero
        var remainderIndex: Int?
        for (index, installment) in installments.enumerated() {
            let triggers = installment.triggers.map(\.frenchLabel).joined(separator: " et ")
            switch installment.amount {
            case .share(let share):
                amounts[index] = try exact { try total.multiplied(by: share, rounding: convention.rounding) }
                trace.record(
                    installment.clause,
                    "\(installment.label) : \(share.frenchPercentage) de \(total.french) à \(triggers)",
                    amount: amounts[index], subject: installment.id)
            case .fixed(let amount):
                amounts[index] = amount
                trace.record(
                    installment.clause, "\(installment.label)\(installment.alreadyPaid ? " (déjà versé)" : "") à \(triggers)",
                    amount: amount, subject: installment.id)
            case .parameter(let key):
                guard let amount = parameters[key] else {
                    throw .missingParameter(key: key, label: convention.parameters[key] ?? key)
                }
                amounts[index] = amount
                trace.record(
                    installment.clause, "\(installment.label) (« \(key) » donné pour ce bénéficiaire) à \(triggers)",
                    amount: amount, subject: installment.id)
            case .remainder:
                remainderIndex = index
                continue
            }
            allocated = try exact { try allocated + amounts[index] }
        }
        if let remainderIndex {
            let installment = installments[remainderIndex]
            let rest = try exact { try total - allocated }
            amounts[remainderIndex] = rest
            let triggers = installment.triggers.map(\.frenchLabel).joined(separator: " et ")
            trace.record(
                installment.clause,
                "\(installment.label) : \(total.french) moins \(allocated.french) déjà prévus, à \(triggers)",
                amount: rest, subject: installment.id)
        }
        return amounts
    }
}
