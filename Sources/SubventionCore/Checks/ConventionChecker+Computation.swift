extension ConventionChecker {
    /// The computation behind a check. When it fails (an amount beyond the range of `Money`, a division by zero),
    /// the check is not skipped in silence: an `erreur` « controle-incalculable » names the check and the error,
    /// and the caller gets `nil` (issue 10: no failure becomes a figure, nor the absence of a finding).
    static func computed<T>(
        _ check: String, subject: String, clause: Clause? = nil, into findings: inout [Finding], _ body: () throws -> T
    ) -> T? {
        do {
            return try body()
        } catch {
            findings.append(
                Finding(
                    severity: .error, code: "controle-incalculable",
                    message: "\(check) : le contrôle ne peut être calculé (\(error)).", subject: subject, clause: clause))
            return nil
        }
    }

    /// Whether a component's basis states its own amount before any ceiling (a fixed amount, price × quantity, a
    /// share of a planned cost), as opposed to a share of the real cost or an envelope.
    static func statesItsOwnAmount(_ basis: FundingBasis) -> Bool {
        switch basis {
        case .fixed, .unitRate, .costShare(_, _, _?, _): return true
        case .costShare, .envelope: return false
        }
    }
}
