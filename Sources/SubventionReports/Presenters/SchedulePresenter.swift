import SubventionCore

/// Presents an échéancier: each installment with its amount, trigger, date and clause.
public enum SchedulePresenter {
    /// With `lifecycle` blocking payments (mise en demeure, résiliation, suspension), installments not paid are shown
    /// as no longer payable.
    public static func text(_ schedule: Schedule, convention: Convention, lifecycle: LifecycleStatus? = nil) -> String {
        var lines = ["Échéancier — \(convention.title)", "\(convention.financeur) → \(convention.beneficiaire)"]
        lines.append("Montant conventionné : \(schedule.total.french)")
        let width = schedule.installments.map { $0.amount.french.count }.max() ?? 0
        for item in schedule.installments {
            let amount = String(repeating: " ", count: width - item.amount.french.count) + item.amount.french
            let triggers = item.installment.triggers.map(\.frenchLabel).joined(separator: " et ")
            var line = "  \(amount)  \(item.installment.label) — à la \(triggers)"
            if let due = item.dueDate { line += ", échéance le \(due.frenchShort)" }
            if let lifecycle, lifecycle.blocksPayments, item.status != .paid {
                line += " [\(item.status.frenchLabel), plus exigible : \(lifecycle.summary)]"
            } else {
                line += " [\(item.status.frenchLabel)]"
            }
            lines.append(line)
            if let clause = item.installment.clause { lines.append("      source : \(clause)") }
        }
        if let lifecycle { lines += LifecyclePresenter.lines(lifecycle) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// With `lifecycle`: `vie`, and `plus-exigible` on each installment.
    public static func json(_ schedule: Schedule, lifecycle: LifecycleStatus? = nil) -> JSONValue {
        let blocked = lifecycle?.blocksPayments ?? false
        var fields: [(String, JSONValue)] = [
            ("convention", .string(schedule.conventionID)), ("total", .money(schedule.total)),
            (
                "versements",
                .array(
                    schedule.installments.map { item in
                        var entry: [(String, JSONValue)] = [
                            ("id", .string(item.installment.id)), ("libelle", .string(item.installment.label)),
                            ("montant", .money(item.amount)),
                            ("declencheurs", .array(item.installment.triggers.map { .string($0.rawValue) })),
                            ("exigible-le", .date(item.payableFrom)), ("echeance", .date(item.dueDate)),
                            ("statut", .string(item.status.rawValue)), ("solde", .bool(item.installment.isSettlement)),
                            ("source", item.installment.clause.json),
                        ]
                        if lifecycle != nil { entry.append(("plus-exigible", .bool(blocked && item.status != .paid))) }
                        return .object(entry)
                    })
            ),
        ]
        if let lifecycle { fields.append(("vie", LifecyclePresenter.json(lifecycle))) }
        return .object(fields)
    }
}
