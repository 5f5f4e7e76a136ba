extension ConventionChecker {
    /// A co-financed convention: the financeurs' totals against the convention's total, then each financeur's
    /// share on its own (its components against its total, its échéancier against its total).
    func cofinancingFindings() -> [Finding] {
        let convention = compiled.convention
        var findings: [Finding] = []
        let totals = convention.cofinancers.compactMap { cofinancer in cofinancer.declaredTotal.map { (cofinancer, $0) } }
        if let declared = convention.declaredTotal, totals.count == convention.cofinancers.count {
            let parts = totals.map { "\($0.0.name) \($0.1.amount.french)" }.joined(separator: " + ")
            do {
                let sum = try totals.map(\.1.amount).sum()
                if sum != declared.amount {
                    findings.append(
                        Finding(
                            severity: .error, code: "total-cofinanceurs",
                            message: "Les parts des financeurs (\(parts) = \(sum.french)) ne font pas le total écrit de "
                                + "\(declared.amount.french)"
                                + (declared.position.map { " (\($0))" } ?? "") + ".",
                            subject: convention.id, clause: declared.clause,
                            positions: ([declared.position] + totals.map(\.1.position)).compactMap { $0 }))
                }
            } catch {
                findings.append(
                    Finding(
                        severity: .error, code: "total-cofinanceurs",
                        message: "La somme des parts des financeurs (\(parts)) dépasse les montants représentables.",
                        subject: convention.id, clause: declared.clause))
            }
        }
        for share in convention.shares() {
            let name = share.financeur
            do {
                let checker = ConventionChecker(try CompiledConvention(share))
                findings += (checker.totalFindings() + checker.installmentFindings()).map { finding in
                    var finding = finding
                    finding.message = "Part « \(name) » : " + finding.message
                    if finding.code == "total-composantes" { finding.code = "total-financeur" }
                    return finding
                }
            } catch {
                findings.append(
                    Finding(
                        severity: .error, code: "part-invalide",
                        message: "Part « \(name) » : ne peut être calculée : \(error).", subject: share.id))
            }
        }
        return findings
    }
}
