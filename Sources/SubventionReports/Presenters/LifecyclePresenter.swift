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
}
