import SubventionCore

/// Writes a scenario file that pins today's result of a computation, so an auditor can replay it later.
public enum ScenarioRecorder {
    /// The scenario's YAML text.
    /// - Parameters:
    ///   - conventionReference: the convention file as the scenario will name it (relative to the scenario).
    ///   - fingerprint: the convention file's ``FileFingerprint``.
    public static func yaml(
        name: String, conventionReference: String, fingerprint: String?, structure: String?, operation: String?,
        asOf: CalendarDate?, bilan: Bilan, schedule: Schedule?, settlement: Settlement, financeur: String? = nil
    ) -> String {
        var lines = ["format: subvention/scenario 1", "scenario:", "  nom: \(quote(name))"]
        lines.append("  convention: \(quote(conventionReference))")
        if let fingerprint { lines.append("  empreinte: \(fingerprint)") }
        if let structure { lines.append("  structure: \(quote(structure))") }
        if let operation { lines.append("  operation: \(quote(operation))") }
        if let financeur { lines.append("  financeur: \(quote(financeur))") }
        if let asOf { lines.append("  date: \(asOf.iso)") }
        lines.append("  bilan:")
        if !bilan.events.isEmpty {
            lines.append("    evenements:")
            lines += bilan.events.sorted { $0.key < $1.key }.map { "      \($0.key): \($0.value.iso)" }
        }
        if !bilan.values.isEmpty {
            lines.append("    valeurs:")
            lines += bilan.values.sorted { $0.key < $1.key }.map { "      \($0.key): \(quote(value($0.value)))" }
        }
        if !bilan.payments.isEmpty {
            lines.append("    versements:")
            for payment in bilan.payments {
                var fields = ["montant: \(quote(payment.amount.french))"]
                if let installment = payment.installment { fields.insert("echeance: \(installment)", at: 0) }
                if let date = payment.date { fields.append("date: \(date.iso)") }
                lines.append("      - { \(fields.joined(separator: ", ")) }")
            }
        }
        if let majoration = bilan.majoration { lines.append("    majoration: \(quote(majoration.french))") }
        if !bilan.justifications.isEmpty {
            lines.append("    justificatifs:")
            for item in bilan.justifications {
                lines.append(
                    "      - { composante: \(item.component), montant: \(quote(item.amount.french)), date: \(item.date.iso) }")
            }
        }
        if !bilan.parameters.isEmpty {
            lines.append("    parametres:")
            lines += bilan.parameters.sorted { $0.key < $1.key }.map { "      \($0.key): \(quote($0.value.french))" }
        }
        lines.append("  attendu:")
        if let schedule {
            lines.append("    echeancier:")
            lines += schedule.installments.map { "      \($0.installment.id): \(quote($0.amount.french))" }
        }
        lines.append("    composantes:")
        lines += settlement.components.map { "      \($0.id): \(quote($0.due.french))" }
        lines.append("    du: \(quote(settlement.due.french))")
        switch settlement.outcome {
        case .solde(let amount): lines.append("    solde: \(quote(amount.french))")
        case .reversement(let amount): lines.append("    reversement: \(quote(amount.french))")
        case .settled: lines.append("    solde: \(quote(Money.zero.french))")
        }
        let late = settlement.obligations.filter { $0.state == .late || $0.state == .fulfilledLate }.map(\.obligation.id)
        lines.append("    obligations-en-retard: [\(late.joined(separator: ", "))]")
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(_ value: InputValue) -> String {
        switch value {
        case .money(let amount): return amount.french
        case .quantity(let quantity): return quantity.description
        }
    }

    /// A double-quoted YAML scalar.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
