import SubventionCore

/// Presents `check` findings for people (French lines citing their clause) and for programs (JSON).
public enum FindingsPresenter {
    /// One block per finding: `avertissement [ecart-montant-ecrit] volet-3 : message` then the clause.
    public static func text(_ findings: [Finding], title: String) -> String {
        var lines = [title]
        if findings.isEmpty {
            lines.append("  aucun constat")
        }
        for finding in findings {
            lines.append("  \(finding.severity.frenchLabel) [\(finding.code)] \(finding.subject) : \(finding.message)")
            if let clause = finding.clause { lines.append("    source : \(clause)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("gravite", .string(finding.severity.rawValue)), ("code", .string(finding.code)),
            ("sujet", .string(finding.subject)), ("message", .string(finding.message)), ("source", finding.clause.json),
        ])
    }
}
