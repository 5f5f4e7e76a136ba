import SubventionCore

/// Presents where a convention stands in its life: mise en demeure, résiliation and its money, suspension,
/// and every derived date with its clause.
public enum LifecyclePresenter {
    /// French lines: « Vie de la convention : résiliée le 31/10/2025 ; titre de recettes de 32 775,00 € … »,
    /// then one line per derived date. Nothing while the convention runs and no date is derived.
    public static func lines(_ status: LifecycleStatus) -> [String] {
        guard status.state != .running || !status.dates.isEmpty else { return [] }
        var lines = ["Vie de la convention : \(status.summary)"]
        if !status.readings.isEmpty { lines.append("  Lectures appliquées : \(status.readings.joined(separator: ", "))") }
        for date in status.dates {
            lines.append("  \(date.date.frenchShort)  \(date.text)" + (date.clause.map { " [\($0)]" } ?? ""))
        }
        if let figures = status.termination?.figures {
            lines.append(
                "  À la résiliation : dû \(figures.due.french) (la convention aurait versé \(figures.wouldHavePaid.french)), "
                    + "versé \(figures.paid.french)")
        }
        return lines
    }

    /// The machine form: `etat`, `dates` (id, date, libellé), `resiliation` with its money.
    public static func json(_ status: LifecycleStatus) -> JSONValue {
        var termination: JSONValue = .null
        if let outcome = status.termination {
            var fields: [(String, JSONValue)] = [
                ("clause", .string(outcome.clauseID)), ("motif", .string(outcome.ground.rawValue)),
                ("effet", .date(outcome.effective)),
            ]
            if let figures = outcome.figures {
                fields += [
                    ("consequence", .string(figures.consequence.rawValue)), ("aurait-verse", .money(figures.wouldHavePaid)),
                    ("du", .money(figures.due)), ("verse", .money(figures.paid)), ("titre-de-recettes", .money(figures.claim)),
                    ("reste-du", .money(figures.solde)),
                ]
            }
            termination = .object(fields)
        }
        return .object([
            ("etat", .string(status.state.rawValue)),
            (
                "dates",
                .array(
                    status.dates.map { date in
                        .object([("id", .string(date.id)), ("date", .date(date.date)), ("libelle", .string(date.text))])
                    })
            ),
            ("resiliation", termination),
        ])
    }
}
