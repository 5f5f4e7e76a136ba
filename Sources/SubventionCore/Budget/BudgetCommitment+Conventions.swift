extension BudgetCommitment {
    /// The engagements of a convention on its budget lines: one per imputation.
    ///
    /// A convention imputed as a whole commits its montant conventionné; when components carry their own
    /// imputation, the montant is split between imputations in proportion to the components' conventional amounts
    /// (the last imputation takes the remainder, so the parts sum exactly to the total), and so is every échéance
    /// and payment. A component with no imputation (and a convention with none) commits nothing to a budget line.
    /// - Parameters:
    ///   - bilan: the events dating the échéances, and the parameters (the avance).
    ///   - payments: the payments made (CP mandatés), from the bilan or a register.
    /// - Returns: the engagements, in the order of the imputations' first component.
    public static func commitments(of compiled: CompiledConvention, bilan: Bilan, payments: [Payment]) throws(EngineError)
        -> [BudgetCommitment]
    {
        let convention = compiled.convention
        var groups: [(imputation: Imputation?, weight: Money)] = []
        if convention.components.contains(where: { $0.imputation != nil }) {
            for (component, amount) in compiled.conventionalAmounts {
                let imputation = component.imputation ?? convention.imputation
                if let index = groups.firstIndex(where: { $0.imputation?.code == imputation?.code }) {
                    groups[index].weight = try exact { try groups[index].weight + amount }
                } else {
                    groups.append((imputation, amount))
                }
            }
        } else if let imputation = convention.imputation {
            groups = [(imputation, compiled.total)]
        }
        guard groups.contains(where: { $0.imputation != nil }) else { return [] }
        let schedule = try plannedCredits(
            total: compiled.total, payments: payments,
            schedule: { () throws(EngineError) in
                try compiled.schedule(events: bilan.events, parameters: bilan.parameters, payments: payments)
            })
        let shares = try groupShares(groups.map(\.weight))
        let rounding = convention.rounding
        let amounts = try exact { try compiled.total.split(shares: shares, rounding: rounding) }
        let plannedParts = try splitCumulatively(schedule.map(\.amount), shares: shares, rounding: rounding)
        let paidCredits = paymentCredits(payments, planned: schedule)
        let paidParts = try splitCumulatively(paidCredits.map(\.amount), shares: shares, rounding: rounding)
        var commitments: [BudgetCommitment] = []
        for (index, group) in groups.enumerated() {
            guard let imputation = group.imputation else { continue }
            commitments.append(
                BudgetCommitment(
                    financeur: convention.financeur, imputation: imputation,
                    exercice: exercice(deliberations: convention.deliberations, period: convention.period),
                    subject: convention.id, group: convention.id,
                    deliberations: convention.deliberations.compactMap(\.number), amount: amounts[index],
                    planned: zip(schedule, plannedParts).map { credit, parts in
                        BudgetCredit(label: credit.label, amount: parts[index], date: credit.date, installment: credit.installment)
                    },
                    paid: zip(paidCredits, paidParts).map { credit, parts in
                        BudgetCredit(label: credit.label, amount: parts[index], date: credit.date, installment: credit.installment)
                    },
                    clause: convention.declaredTotal?.clause))
        }
        return commitments
    }

    /// The engagements of a programme's rows: each row of an operation with an imputation commits the amount its
    /// table prints (the amount voted), with its échéancier dated by the row's bilan.
    ///
    /// As in the row's position, the bilan's parameters take precedence over the row's, and an avance given as a
    /// parameter counts as paid when no payment is recorded for the row.
    /// - Parameters:
    ///   - bilans: the structures' bilans, by index of their row in `rows`.
    ///   - payments: the payments recorded for a row, by index (CP mandatés).
    public static func commitments(
        of evaluator: ProgrammeEvaluator, rows: [ProgrammeRow], bilans: [Int: Bilan] = [:],
        payments: (Int) -> [Payment] = { _ in [] }
    ) throws(EngineError) -> [BudgetCommitment] {
        let programme = evaluator.programme
        var commitments: [BudgetCommitment] = []
        for (index, row) in rows.enumerated() {
            let compiled = try evaluator.compiledOperation(for: row)
            guard let code = compiled.operation.budgetLine else { continue }
            let bilan = bilans[index] ?? Bilan()
            let parameters = row.parameters.merging(bilan.parameters) { _, given in given }
            var rowPayments = payments(index)
            if rowPayments.isEmpty {
                rowPayments = ProgrammeEvaluator.parameterPayments(compiled.model.convention, parameters: parameters)
            }
            let context = try evaluator.context(of: row)
            let planned = try plannedCredits(
                total: row.declaredAmount, payments: rowPayments,
                schedule: { () throws(EngineError) in
                    try compiled.model.schedule(events: bilan.events, parameters: parameters, payments: rowPayments, row: context)
                })
            commitments.append(
                BudgetCommitment(
                    financeur: programme.financeur, imputation: Imputation(code: code),
                    exercice: exercice(deliberations: programme.deliberations, period: programme.period),
                    subject: "\(programme.id) / \(row.structure)", group: compiled.operation.label,
                    deliberations: programme.deliberations.compactMap(\.number), amount: row.declaredAmount,
                    planned: planned, paid: paymentCredits(rowPayments, planned: planned),
                    clause: Clause(document: programme.document, lines: row.sourceLine)))
        }
        return commitments
    }

    /// The exercice of an engagement: the year of its first dated deliberation, else of its period's start.
    static func exercice(deliberations: [Deliberation], period: Period?) -> Int? {
        deliberations.compactMap(\.date).min()?.year ?? period?.start.year
    }

    /// The échéances as credits: each dated by its payment when one is recorded for it, else by the date or
    /// deadline the convention gives, else by the day its triggers all happened; undated otherwise.
    ///
    /// An échéancier whose avance is a parameter not given yet cannot be split: its total is planned as one
    /// undated credit, so that nothing is lost and nothing is invented.
    static func plannedCredits(
        total: Money, payments: [Payment], schedule: () throws(EngineError) -> Schedule
    ) throws(EngineError) -> [BudgetCredit] {
        let computed: Schedule
        do {
            computed = try schedule()
        } catch {
            guard case .missingParameter(let key, _) = error else { throw error }
            return [BudgetCredit(label: "échéancier non réparti (« \(key) » non donné)", amount: total, date: nil)]
        }
        return computed.installments.map { scheduled in
            let paidOn = payments.first { $0.installment == scheduled.installment.id && $0.date != nil }?.date
            return BudgetCredit(
                label: scheduled.installment.label, amount: scheduled.amount,
                date: paidOn ?? scheduled.dueDate ?? scheduled.payableFrom, installment: scheduled.installment.id)
        }
    }

    /// The payments as credits, each in the exercice of its date; a payment recorded without a date (an avance
    /// given as a parameter) takes the date of the échéance it pays, when that one is dated.
    static func paymentCredits(_ payments: [Payment], planned: [BudgetCredit]) -> [BudgetCredit] {
        payments.map { payment in
            BudgetCredit(
                label: payment.installment.map { "versement « \($0) »" } ?? "versement", amount: payment.amount,
                date: payment.date ?? planned.first { $0.installment != nil && $0.installment == payment.installment }?.date,
                installment: payment.installment)
        }
    }

    /// Splits each amount between groups so that every group's parts sum to its share of the running total.
    ///
    /// The running total is split at each step (``Money/split(shares:rounding:)``) and each part is the difference
    /// with the previous step: the parts of one amount sum to it, and a group's parts over all amounts sum to its
    /// share of their total, rounded once (so a line's CP sum to its engagement).
    static func splitCumulatively(_ amounts: [Money], shares: [Rational], rounding: RoundingPolicy) throws(EngineError)
        -> [[Money]]
    {
        var running = Money.zero
        var previous = [Money](repeating: .zero, count: shares.count + 1)
        var parts: [[Money]] = []
        for amount in amounts {
            running = try exact { try running + amount }
            let cumulative = try exact { try running.split(shares: shares, rounding: rounding) }
            parts.append(try exact { try zip(cumulative, previous).map { try $0 - $1 } })
            previous = cumulative
        }
        return parts
    }

    /// The shares of every group but the last in the sum of the weights (for ``Money/split(shares:rounding:)``).
    static func groupShares(_ weights: [Money]) throws(EngineError) -> [Rational] {
        let sum = try exact { try weights.sum() }
        guard weights.count > 1 else { return [] }
        guard sum != .zero else { return Array(repeating: .zero, count: weights.count - 1) }
        return try weights.dropLast().map { (weight) throws(EngineError) in
            try exact { try weight.euros.divided(by: sum.euros) }
        }
    }
}
