import SubventionCore

/// Where one convention stands at a date: committed, paid, due, still to pay, to claim back, and its calendar.
struct ConventionPosition {
    let entry: PortfolioEntry
    let schedule: Schedule?
    /// The settlement, when the bilan gives every figure it needs.
    let settlement: Settlement?
    let paid: Money
    let due: Money
    let remaining: Money
    let reversement: Money
    let obligations: [ObligationStatus]
    /// Why the position could not be computed fully (« le bilan ne donne pas … »).
    let note: String?

    init(_ entry: PortfolioEntry, asOf: CalendarDate?) {
        self.entry = entry
        let compiled = entry.convention
        let bilan = entry.bilan
        schedule = try? compiled.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
        var note: String?
        var settlement: Settlement?
        do {
            settlement = try compiled.settle(bilan, asOf: asOf)
        } catch {
            note = "\(error)"
        }
        self.settlement = settlement
        self.note = note
        let recordedIDs = Set(bilan.payments.compactMap(\.installment))
        let statedPaid = compiled.convention.installments.filter { $0.alreadyPaid && !recordedIDs.contains($0.id) }
        let stated = (try? (schedule?.installments ?? []).filter { item in statedPaid.contains { $0.id == item.installment.id } }
            .map(\.amount).sum()) ?? .zero
        let recorded = (try? bilan.payments.map(\.amount).sum()) ?? .zero
        paid = settlement?.paid ?? ((try? recorded + stated) ?? recorded)
        due = settlement?.due ?? compiled.total
        switch settlement?.outcome {
        case .solde(let amount)?:
            remaining = amount
            reversement = .zero
        case .reversement(let amount)?:
            remaining = .zero
            reversement = amount
        case .settled?:
            remaining = .zero
            reversement = .zero
        case nil:
            remaining = (try? compiled.total - paid).map { max($0, .zero) } ?? .zero
            reversement = .zero
        }
        obligations = settlement?.obligations ?? compiled.obligations(events: bilan.events, asOf: asOf)
    }

    /// Each installment split into what was paid (at the payment dates) and what is still to pay (at its due or
    /// payable date); the solde's unpaid part is the settlement's solde when the bilan allows computing it.
    var calendarItems: [(installment: ScheduledInstallment, date: CalendarDate?, amount: Money, paid: Bool)] {
        guard let schedule else { return [] }
        var items: [(installment: ScheduledInstallment, date: CalendarDate?, amount: Money, paid: Bool)] = []
        for item in schedule.installments {
            let payments = entry.bilan.payments.filter { $0.installment == item.installment.id }
            var paidPart = Money.zero
            for payment in payments {
                items.append((item, payment.date ?? item.payableFrom, payment.amount, true))
                paidPart = (try? paidPart + payment.amount) ?? paidPart
            }
            if payments.isEmpty, item.installment.alreadyPaid {
                items.append((item, item.payableFrom, item.amount, true))
                continue
            }
            let unpaid: Money
            if item.installment.isSettlement, settlement != nil {
                unpaid = remaining
            } else {
                unpaid = (try? item.amount - paidPart).map { max($0, .zero) } ?? .zero
            }
            if unpaid > .zero { items.append((item, item.dueDate ?? item.payableFrom, unpaid, false)) }
        }
        return items
    }
}
