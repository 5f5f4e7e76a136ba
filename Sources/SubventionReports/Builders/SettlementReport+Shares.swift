import SubventionCore

extension SettlementReport {
    /// The settlement of a co-financed convention from one bilan: a table of each financeur's total, due, paid,
    /// solde and reversement with their sums, then each financeur's own settlement (sections prefixed by its id).
    ///
    /// - Throws: ``EngineError`` when a sum overflows.
    public static func build(
        shares: [(terms: Convention, settlement: Settlement)], terms: Convention, explain: Bool, asOf: CalendarDate?
    ) throws(EngineError) -> Report {
        var rows: [[ReportCell]] = []
        var sums = [Money](repeating: .zero, count: 5)
        for (share, settlement) in shares {
            var solde = Money.zero
            var reversement = Money.zero
            switch settlement.outcome {
            case .solde(let amount): solde = amount
            case .reversement(let amount): reversement = amount
            case .settled: break
            }
            let figures = [settlement.total, settlement.due, settlement.paid, solde, reversement]
            for (slot, amount) in figures.enumerated() { sums[slot] = try exact { try sums[slot] + amount } }
            rows.append(
                [.text(share.cofinancer ?? share.id), .text(share.financeur)] + figures.map(ReportCell.money)
                    + [.text(sentence(settlement, terms: share))])
        }
        var sections = [
            ReportSection(
                id: "financeurs", title: "Par financeur",
                content: .table(
                    ReportTable(
                        columns: [
                            ReportColumn("id", "Id"), ReportColumn("financeur", "Financeur"),
                            ReportColumn("montant", "Montant conventionné"), ReportColumn("du", "Dû"),
                            ReportColumn("verse", "Versé"), ReportColumn("solde", "Solde"),
                            ReportColumn("reversement", "À reverser"), ReportColumn("resultat", "Résultat"),
                        ],
                        rows: rows, total: [.text("Total"), .empty] + sums.map(ReportCell.money) + [.empty])))
        ]
        for (share, settlement) in shares {
            let report = try build(settlement, terms: share, explain: explain, asOf: asOf)
            let prefix = share.cofinancer ?? share.id
            sections += report.sections.map { section in
                var section = section
                section.id = "\(prefix)-\(section.id)"
                section.title = "\(share.financeur) – \(section.title)"
                return section
            }
        }
        return Report(
            kind: "reglement", title: "Règlement — \(terms.title)",
            subtitle: ["\(shares.map(\.terms.financeur).joined(separator: " + ")) → \(terms.beneficiaire)"],
            asOf: asOf, sections: sections)
    }
}
