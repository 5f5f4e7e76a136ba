/// Checks the budget table a deliberation prints against its own arithmetic and against the engagements read
/// from its conventions and programme rows.
///
/// - AE − proposition = solde, and disponible − proposition = solde when « Disponible » is printed.
/// - The engagements of the line's deliberation on the line sum to its proposition (C02-446A05: the five
///   operations' rows, 1 712 960 + 2 506 750 + 107 217,72 + 40 000 + 58 750 = 4 425 677,72 €).
public struct BudgetChecker: Sendable {
    public let budget: Budget
    public let commitments: [BudgetCommitment]

    /// - Parameter commitments: the engagements read with the budget (those of other financeurs are ignored).
    public init(_ budget: Budget, commitments: [BudgetCommitment]) {
        self.budget = budget
        self.commitments = commitments
    }

    /// Every finding, in the order of the lines: differences are `avertissement`s, verified sums `info`.
    public func findings() throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for line in budget.lines {
            findings += try arithmeticFindings(line)
            findings += try proposalFindings(line)
        }
        return findings
    }

    func arithmeticFindings(_ line: BudgetLine) throws(EngineError) -> [Finding] {
        guard let proposal = line.printedProposal?.amount, let balance = line.printedBalance else { return [] }
        var findings: [Finding] = []
        var bases = [("AE", line.commitmentAuthority.amount)]
        if let available = line.printedAvailable { bases.append(("disponible", available.amount)) }
        for (name, base) in bases {
            let computed = try exact { try base - proposal }
            if computed != balance.amount {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-solde-budgetaire",
                        message: "\(name) \(base.french) − proposition \(proposal.french) = "
                            + "\(computed.french), le tableau imprime un solde de \(balance.amount.french)",
                        subject: line.imputation.code, clause: balance.clause ?? line.clause))
            }
        }
        return findings
    }

    func proposalFindings(_ line: BudgetLine) throws(EngineError) -> [Finding] {
        guard let proposal = line.printedProposal else { return [] }
        let deliberation = line.deliberation ?? (budget.deliberations.count == 1 ? budget.deliberations[0].number : nil)
        let members = commitments.filter { commitment in
            commitment.financeur == budget.financeur && commitment.imputation.code == line.imputation.code
                && deliberation.map { commitment.deliberations.contains($0) } ?? (commitment.exercice == budget.exercice)
        }
        let deliberationText = deliberation.map { "de la délibération n°\($0)" } ?? "de l'exercice \(budget.exercice)"
        guard !members.isEmpty else {
            return [
                Finding(
                    severity: .info, code: "proposition-non-verifiee",
                    message: "aucune convention \(deliberationText) n'est lue avec ce budget ; "
                        + "la proposition de \(proposal.amount.french) n'est pas vérifiée",
                    subject: line.imputation.code, clause: proposal.clause ?? line.clause)
            ]
        }
        var groups: [(group: String, amount: Money)] = []
        for member in members {
            if let index = groups.firstIndex(where: { $0.group == member.group }) {
                groups[index].amount = try exact { try groups[index].amount + member.amount }
            } else {
                groups.append((member.group, member.amount))
            }
        }
        let sum = try exact { try groups.map(\.amount).sum() }
        let detail = groups.map(\.amount.french).joined(separator: " + ")
        if sum == proposal.amount {
            return [
                Finding(
                    severity: .info, code: "proposition-verifiee",
                    message: "\(detail) = \(sum.french) "
                        + "(\(groups.map(\.group).joined(separator: " ; "))), la proposition imprimée",
                    subject: line.imputation.code, clause: proposal.clause ?? line.clause)
            ]
        }
        let difference = try exact { try proposal.amount - sum }
        return [
            Finding(
                severity: .warning, code: "ecart-proposition",
                message: "proposition imprimée \(proposal.amount.french), engagements "
                    + "\(deliberationText) \(detail) = \(sum.french) (écart \(difference.french))",
                subject: line.imputation.code, clause: proposal.clause ?? line.clause)
        ]
    }
}
