import SubventionCore

/// Presents a settlement: the dotation due per component, the solde or reversement, the obligations.
public enum SettlementPresenter {
    public static func text(_ settlement: Settlement, convention: Convention, explain: Bool) -> String {
        var lines = ["Règlement — \(convention.title)", "\(convention.financeur) → \(convention.beneficiaire)"]
        let rows: [(String, Money)] =
            settlement.components.map { ("  \($0.label)", $0.due) }
            + [("Montant conventionné", settlement.total), ("Dotation due", settlement.due),
                ("Déjà versé", settlement.paid)]
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let amountWidth = rows.map(\.1.french.count).max() ?? 0
        for (label, amount) in rows {
            lines.append(
                label + String(repeating: " ", count: labelWidth - label.count + 2)
                    + String(repeating: " ", count: amountWidth - amount.french.count) + amount.french)
        }
        if settlement.majoration != .zero { lines.append("Dont majoration : \(settlement.majoration.french)") }
        switch settlement.outcome {
        case .solde(let amount): lines.append("Solde à verser : \(amount.french)")
        case .reversement(let amount):
            lines.append("\(convention.settlement.reversementLabel.capitalizedFirst) à émettre : \(amount.french)")
        case .settled: lines.append("Rien à verser ni à reverser")
        }
        if settlement.notPayable != .zero {
            lines.append("Non versable (au-delà du plafond du solde) : \(settlement.notPayable.french)")
        }
        if let lifecycle = settlement.lifecycle { lines += LifecyclePresenter.lines(lifecycle) }
        if !settlement.obligations.isEmpty {
            lines.append("Obligations :")
            for status in settlement.obligations {
                var line = "  \(status.obligation.label) (\(status.obligation.party.frenchLabel))"
                if let due = status.dueDate { line += ", échéance le \(due.frenchShort)" }
                line += " : \(status.state.frenchLabel)"
                if let done = status.fulfilledOn { line += " (le \(done.frenchShort))" }
                lines.append(line)
            }
        }
        if explain {
            lines.append("Explication :")
            lines += settlement.trace.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ settlement: Settlement, convention: Convention) -> JSONValue {
        var outcome: [(String, JSONValue)] = []
        switch settlement.outcome {
        case .solde(let amount): outcome = [("type", .string("solde")), ("montant", .money(amount))]
        case .reversement(let amount): outcome = [("type", .string("reversement")), ("montant", .money(amount))]
        case .settled: outcome = [("type", .string("solde")), ("montant", .money(.zero))]
        }
        return .object([
            ("convention", .string(settlement.conventionID)), ("total", .money(settlement.total)),
            (
                "composantes",
                .array(
                    settlement.components.map { component in
                        .object([
                            ("id", .string(component.id)), ("libelle", .string(component.label)),
                            ("conventionne", .money(component.conventional)), ("avant-plafonds", .money(component.beforeLimits)),
                            ("plafond-retenu", .text(component.bindingLimit?.label)), ("du", .money(component.due)),
                        ])
                    })
            ),
            ("majoration", .money(settlement.majoration)), ("du", .money(settlement.due)), ("verse", .money(settlement.paid)),
            ("ecart", .money(settlement.balance)), ("resultat", .object(outcome)),
            ("non-versable", .money(settlement.notPayable)),
            (
                "obligations",
                .array(
                    settlement.obligations.map { status in
                        .object([
                            ("id", .string(status.obligation.id)), ("libelle", .string(status.obligation.label)),
                            ("partie", .string(status.obligation.party.rawValue)), ("echeance", .date(status.dueDate)),
                            ("accomplie-le", .date(status.fulfilledOn)), ("etat", .string(status.state.rawValue)),
                        ])
                    })
            ),
            ("trace", .array(settlement.trace.map(TracePresenter.json))),
        ] + (settlement.lifecycle.map { [("vie", LifecyclePresenter.json($0))] } ?? []))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
