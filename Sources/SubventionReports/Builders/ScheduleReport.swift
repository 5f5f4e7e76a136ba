import SubventionCore

/// The échéancier of a convention (`subvention schedule`) as a report: each installment with its amount,
/// triggers, dates, whether it can be paid, and its clause; the total row is the montant conventionné.
public enum ScheduleReport {
    /// - Throws: ``EngineError`` when the installments' sum overflows.
    /// - Parameter lifecycle: where the convention stands in its life; when it blocks payments (mise en demeure,
    ///   résiliation, suspension), installments not paid are shown as no longer payable.
    public static func build(
        _ schedule: Schedule, terms: Convention, lifecycle: LifecycleStatus? = nil, explain: Bool, asOf: CalendarDate?
    ) throws(EngineError) -> Report {
        let blocked = lifecycle?.blocksPayments ?? false
        let rows = schedule.installments.map { item -> [ReportCell] in
            let state = blocked && item.status != .paid
                ? "plus exigible : \(lifecycle?.summary ?? "")" : item.payability.description
            return [
                .text(item.installment.id), .text(item.installment.label), .money(item.amount),
                .text(item.installment.triggers.map(\.frenchLabel).joined(separator: " et ")),
                item.payableFrom.map(ReportCell.date) ?? .empty, item.dueDate.map(ReportCell.date) ?? .empty,
                .text(item.payability.code), .text(state),
                .text(item.installment.clause?.description ?? ""),
            ]
        }
        let installments = schedule.installments
        let sum = try exact { try installments.map(\.amount).sum() }
        var sections = [
            ReportSection(
                id: "echeancier", title: "Échéancier",
                content: .table(
                    ReportTable(
                        columns: [
                            ReportColumn("id", "Id"), ReportColumn("versement", "Versement"), ReportColumn("montant", "Montant"),
                            ReportColumn("declencheurs", "À la"), ReportColumn("exigible-le", "Exigible le"),
                            ReportColumn("echeance", "Échéance"), ReportColumn("statut", "Statut"), ReportColumn("etat", "État"),
                            ReportColumn("source", "Source"),
                        ],
                        rows: rows, total: [.text("Total"), .empty, .money(sum)])))
        ]
        if let lifecycle { sections += LifecycleSections.make(lifecycle) }
        if explain { sections.append(TraceSection.make(schedule.trace + (lifecycle?.trace ?? []))) }
        return Report(
            kind: "echeancier", title: "Échéancier — \(terms.title)",
            subtitle: ["\(terms.financeur) → \(terms.beneficiaire)", "Montant conventionné : \(schedule.total.french)"],
            asOf: asOf, sections: sections)
    }
}
