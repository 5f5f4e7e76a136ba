import SubventionCore

/// The step-by-step explanation of a computation as a report section: each step as a person reads it (the clause,
/// what was computed, the amount), and its amount and subject for programs.
enum TraceSection {
    static func make(_ steps: [TraceStep]) -> ReportSection {
        let rows = steps.enumerated().map { index, step -> [ReportCell] in
            [.integer(index + 1), .text(step.description), step.amount.map(ReportCell.money) ?? .empty,
                .text(step.subject ?? "")]
        }
        return ReportSection(
            id: "explication", title: "Explication, pas à pas",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("etape", "Étape"), ReportColumn("ligne", "Calcul (clause — étape : montant)"),
                        ReportColumn("montant", "Montant"), ReportColumn("sujet", "Sujet"),
                    ], rows: rows)))
    }
}
