import SubventionCore

/// Where a convention stands in its life (mise en demeure, résiliation, suspension) as report sections: the summary
/// and the derived dates with their clauses, and the money of a résiliation.
enum LifecycleSections {
    static func make(_ status: LifecycleStatus) -> [ReportSection] {
        var sections = [
            ReportSection(id: "vie", title: "Vie de la convention", content: .paragraphs(LifecyclePresenter.lines(status)))
        ]
        if !status.dates.isEmpty {
            let rows = status.dates.map { date -> [ReportCell] in
                [.text(date.id), .date(date.date), .text(date.text), .text(date.clause?.description ?? "")]
            }
            sections.append(
                ReportSection(
                    id: "vie-dates", title: "Dates de la vie de la convention",
                    content: .table(
                        ReportTable(
                            columns: [
                                ReportColumn("id", "Id"), ReportColumn("date", "Date"), ReportColumn("libelle", "Libellé"),
                                ReportColumn("source", "Source"),
                            ], rows: rows))))
        }
        if let figures = status.termination?.figures {
            sections.append(
                ReportSection(
                    id: "vie-resiliation", title: "Résiliation : ce qui est dû",
                    content: .table(
                        ReportTable(
                            columns: [ReportColumn("poste", "Poste"), ReportColumn("libelle", "Libellé"), ReportColumn("montant", "Montant")],
                            rows: [
                                [.text("aurait-verse"), .text("La convention aurait versé"), .money(figures.wouldHavePaid)],
                                [.text("du"), .text("Dû à la résiliation"), .money(figures.due)],
                                [.text("verse"), .text("Versé"), .money(figures.paid)],
                                [.text("titre-de-recettes"), .text(figures.claimLabel.capitalizedFirst), .money(figures.claim)],
                                [.text("reste-du"), .text("Reste dû"), .money(figures.solde)],
                            ]))))
        }
        return sections
    }
}
