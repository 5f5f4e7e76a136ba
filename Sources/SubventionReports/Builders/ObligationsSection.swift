import SubventionCore

/// The obligations of a convention at a date, as a report section.
enum ObligationsSection {
    static func make(_ obligations: [ObligationStatus]) -> ReportSection {
        let rows = obligations.map { status -> [ReportCell] in
            [
                .text(status.obligation.id), .text(status.obligation.label), .text(status.obligation.party.frenchLabel),
                status.dueDate.map(ReportCell.date) ?? .text(status.obligation.due.description),
                .text(status.state.rawValue), .text(status.state.frenchLabel), status.fulfilledOn.map(ReportCell.date) ?? .empty,
            ]
        }
        return ReportSection(
            id: "obligations", title: "Obligations",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("id", "Id"), ReportColumn("obligation", "Obligation"), ReportColumn("partie", "Partie"),
                        ReportColumn("echeance", "Échéance"), ReportColumn("code-etat", "Code"), ReportColumn("etat", "État"),
                        ReportColumn("accomplie-le", "Accomplie le"),
                    ], rows: rows)))
    }
}
