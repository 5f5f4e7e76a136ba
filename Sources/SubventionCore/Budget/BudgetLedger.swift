/// The budget position of a set of engagements against the budget lines voted: per imputation and exercice the
/// AE votée, engagée and disponible; per imputation and exercice of payment the CP prévus, mandatés and restes à
/// réaliser; and the findings (an engagement above its AE is an `erreur`).
///
/// Every engaged figure is the sum of the engagements read from conventions and programme rows, never a figure
/// copied from the budget table: C02-446A05 in 2023 is 1 712 960 + 2 506 750 + 107 217,72 + 40 000 + 58 750 =
/// 4 425 677,72 € of an AE of 6 801 643,00 €, leaving 2 375 965,28 € disponible.
public struct BudgetLedger: Sendable {
    /// The AE side of one budget line for one exercice.
    public struct Engagement: Sendable {
        public var financeur: String
        /// The line's imputation when declared, else the one the engagements give.
        public var imputation: Imputation
        /// The exercice of the engagements (and of the AE); `nil` when an engagement has no date at all.
        public var exercice: Int?
        /// The line as the budget file declares it; `nil` when no budget file declares it.
        public var line: BudgetLine?
        /// The AE votée, when the line is declared.
        public var voted: Money?
        /// The sum of the engagements on the line.
        public var committed: Money
        /// AE votée − engagée, when the line is declared.
        public var available: Money?
        public var commitments: [BudgetCommitment]

        /// The engaged amount per group (operation or convention), in first-seen order, with the count of
        /// engagements: what ``committed`` is the sum of.
        public func groups() throws(EngineError) -> [(group: String, amount: Money, count: Int)] {
            var result: [(group: String, amount: Money, count: Int)] = []
            for commitment in commitments {
                if let index = result.firstIndex(where: { $0.group == commitment.group }) {
                    result[index].amount = try exact { try result[index].amount + commitment.amount }
                    result[index].count += 1
                } else {
                    result.append((commitment.group, commitment.amount, 1))
                }
            }
            return result
        }
    }

    /// The CP side of one budget line for one exercice of payment.
    public struct Credits: Sendable {
        public var financeur: String
        public var code: String
        /// The exercice the credits fall in; `nil` for échéances not dated yet.
        public var exercice: Int?
        /// CP prévus by the échéanciers.
        public var planned: Money
        /// CP mandatés (payments made).
        public var paid: Money
        /// Restes à réaliser: prévus − mandatés.
        public var remaining: Money
    }

    public let engagements: [Engagement]
    public let credits: [Credits]
    public let findings: [Finding]

    /// Sets every engagement against the budget lines declared for its financeur, imputation and exercice.
    /// - Throws: ``EngineError/arithmetic(_:)`` when a sum overflows.
    public init(budgets: [Budget], commitments: [BudgetCommitment]) throws(EngineError) {
        struct Key: Hashable {
            var financeur: String
            var code: String
            var exercice: Int?
        }
        var findings: [Finding] = []
        var lines: [Key: BudgetLine] = [:]
        var order: [Key] = []
        for budget in budgets {
            for line in budget.lines {
                let key = Key(financeur: budget.financeur, code: line.imputation.code, exercice: budget.exercice)
                guard lines[key] == nil else {
                    findings.append(
                        Finding(
                            severity: .error, code: "ligne-budgetaire-en-double",
                            message: "déclarée deux fois pour \(budget.financeur), exercice \(budget.exercice)",
                            subject: line.imputation.code, clause: line.clause))
                    continue
                }
                lines[key] = line
                order.append(key)
            }
        }
        var byKey: [Key: [BudgetCommitment]] = [:]
        for commitment in commitments {
            let key = Key(financeur: commitment.financeur, code: commitment.imputation.code, exercice: commitment.exercice)
            if byKey[key] == nil, lines[key] == nil { order.append(key) }
            byKey[key, default: []].append(commitment)
        }
        var engagements: [Engagement] = []
        for key in order {
            let line = lines[key]
            let members = byKey[key] ?? []
            let committed = try exact { try members.map(\.amount).sum() }
            let voted = line?.commitmentAuthority.amount
            let available = try voted.map { (voted) throws(EngineError) in try exact { try voted - committed } }
            let year = key.exercice.map { "exercice \($0)" } ?? "exercice non daté"
            if let line, let voted, let available, available < .zero {
                let excess = try exact { try available.negated() }
                findings.append(
                    Finding(
                        severity: .error, code: "depassement-ae",
                        message: "\(year) : engagements \(committed.french) au-delà de l'AE votée "
                            + "\(voted.french) (dépassement de \(excess.french))",
                        subject: key.code, clause: line.commitmentAuthority.clause ?? line.clause))
            }
            if line == nil {
                findings.append(
                    Finding(
                        severity: .warning, code: "ae-non-declaree",
                        message: "\(year) : \(members.count) engagement(s) pour \(committed.french) "
                            + "sans ligne budgétaire déclarée pour \(key.financeur)",
                        subject: key.code, clause: members.first?.clause))
            }
            if let line {
                for commitment in members where !Self.agrees(commitment.imputation, with: line.imputation) {
                    findings.append(
                        Finding(
                            severity: .warning, code: "imputation-differente",
                            message: "imputation \(Self.describe(commitment.imputation)), "
                                + "la ligne budgétaire déclare \(Self.describe(line.imputation))",
                            subject: commitment.subject, clause: commitment.clause))
                }
            }
            engagements.append(
                Engagement(
                    financeur: key.financeur, imputation: line?.imputation ?? members[0].imputation, exercice: key.exercice,
                    line: line, voted: voted, committed: committed, available: available, commitments: members))
        }
        self.engagements = engagements.sorted {
            ($0.financeur, $0.exercice ?? Int.max, $0.imputation.code) < ($1.financeur, $1.exercice ?? Int.max, $1.imputation.code)
        }
        self.credits = try Self.credits(of: commitments)
        self.findings = findings
    }

    /// CP prévus and mandatés per financeur, imputation and exercice of payment (undated échéances last).
    static func credits(of commitments: [BudgetCommitment]) throws(EngineError) -> [Credits] {
        struct Key: Hashable {
            var financeur: String
            var code: String
            var exercice: Int?
        }
        var totals: [Key: (planned: Money, paid: Money)] = [:]
        for commitment in commitments {
            for (credits, isPaid) in [(commitment.planned, false), (commitment.paid, true)] {
                for credit in credits {
                    let key = Key(financeur: commitment.financeur, code: commitment.imputation.code, exercice: credit.exercice)
                    var total = totals[key] ?? (.zero, .zero)
                    if isPaid {
                        total.paid = try exact { try total.paid + credit.amount }
                    } else {
                        total.planned = try exact { try total.planned + credit.amount }
                    }
                    totals[key] = total
                }
            }
        }
        return try totals.map { (key, total) throws(EngineError) in
            Credits(
                financeur: key.financeur, code: key.code, exercice: key.exercice, planned: total.planned, paid: total.paid,
                remaining: try exact { try total.planned - total.paid })
        }.sorted {
            ($0.financeur, $0.code, $0.exercice ?? Int.max) < ($1.financeur, $1.code, $1.exercice ?? Int.max)
        }
    }

    /// Whether an engagement's imputation agrees with its line: same account and label where it gives them.
    static func agrees(_ given: Imputation, with declared: Imputation) -> Bool {
        (given.account == nil || given.account == declared.account) && (given.label == nil || given.label == declared.label)
    }

    /// `C02-446A05 (6568/93446, « Indemnisation des organismes référents »)`.
    static func describe(_ imputation: Imputation) -> String {
        let details = [imputation.account, imputation.label.map { "« \($0) »" }].compactMap { $0 }
        return details.isEmpty ? imputation.code : "\(imputation.code) (\(details.joined(separator: ", ")))"
    }
}
