extension CompiledConvention {
    /// The convention's life at `asOf` and, when a résiliation has an effective date, its money: the totals then
    /// become the résiliation's (due, titre de recettes or solde). `nil` when the file declares no such clause.
    func applyLifecycle(
        _ bilan: Bilan, asOf: CalendarDate?, readings: Set<String>, totals: inout Totals, trace: inout Trace
    ) throws(EngineError) -> LifecycleStatus? {
        guard !convention.lifecycle.isEmpty else { return nil }
        var status = convention.lifecycleStatus(events: bilan.events, asOf: asOf, readings: readings)
        for step in status.trace { trace.record(step.clause, step.text, amount: step.amount, subject: step.subject) }
        guard var termination = status.termination else { return status }
        trace.record(
            termination.clause,
            "Résiliation effective le \(termination.effective.frenchShort) : le règlement ci-dessus (dû \(totals.due.french)) "
                + "est remplacé par celui de la résiliation", amount: nil, subject: termination.clauseID)
        let figures = try convention.terminationFigures(
            termination, values: bilan.values, wouldHavePaid: totals.due, paid: totals.paid, trace: &trace)
        termination.figures = figures
        status.termination = termination
        if figures.claim.isPositive {
            status.dates.append(
                LifecycleDate(
                    id: "titre-de-recettes", date: termination.effective,
                    text: "\(figures.claimLabel) de \(figures.claim.french)", clause: convention.lifecycle.consequence?.clause))
        }
        totals.due = figures.due
        totals.balance = try exact { try figures.due - figures.paid }
        totals.notPayable = .zero
        totals.outcome = figures.claim.isPositive ? .reversement(figures.claim) : (figures.solde.isPositive ? .solde(figures.solde) : .settled)
        return status
    }
}
