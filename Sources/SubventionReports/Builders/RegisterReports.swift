import SubventionCore
import SubventionRegister

/// The register's reports: the journal of entries, and the états for the accounting service (mandats to issue,
/// titres de recettes to issue).
public enum RegisterReports {
    /// The journal (journal des écritures): one row per entry, an annulled one marked by its annulation.
    public static func journal(
        _ entries: [RegisterEntry], cancelled: [Int64: Int64], summary: RegisterSummary, filters: String?
    ) -> Report {
        let columns = [
            ReportColumn("numero", "N°", importance: .essential), ReportColumn("enregistre", "Enregistrée (UTC)", importance: .low),
            ReportColumn("auteur", "Auteur", importance: .low), ReportColumn("nature", "Nature", importance: .essential),
            ReportColumn("convention", "Convention", importance: .essential), ReportColumn("structure", "Structure"),
            ReportColumn("objet", "Échéance / objet", importance: .high), ReportColumn("montant", "Montant", importance: .essential),
            ReportColumn("date", "Date"), ReportColumn("piece", "N° mandat / titre"), ReportColumn("exercice", "Exercice"),
            ReportColumn("imputation", "Imputation"), ReportColumn("motif", "Motif"),
            ReportColumn("annulee-par", "Annulée par"),
        ]
        let rows: [[ReportCell]] = entries.map { recorded in
            let entry = recorded.entry
            var object = entry.installment ?? entry.payload.event ?? entry.payload.parameter ?? entry.payload.component ?? ""
            if let values = entry.payload.values {
                object = values.keys.sorted().map { "\($0) = \(values[$0] ?? "")" }.joined(separator: " ; ")
            }
            if let cancels = entry.payload.cancels { object = "annule l'écriture n° \(cancels)" }
            return [
                .integer(Int(recorded.sequence)), .text(recorded.recordedAt), .text(recorded.author), .text(entry.kind.rawValue),
                .text(entry.convention), entry.structure.map(ReportCell.text) ?? .empty, object.isEmpty ? .empty : .text(object),
                entry.amount.map(ReportCell.money) ?? .empty, entry.date.map(ReportCell.date) ?? .empty,
                entry.number.map(ReportCell.text) ?? .empty, entry.fiscalYear.map(ReportCell.integer) ?? .empty,
                entry.imputation.map(ReportCell.text) ?? .empty, entry.motif.map(ReportCell.text) ?? .empty,
                cancelled[recorded.sequence].map { .integer(Int($0)) } ?? .empty,
            ]
        }
        var subtitle = [summary.french]
        if let filters { subtitle.append(filters) }
        subtitle.append("\(entries.count) écriture\(entries.count > 1 ? "s" : "") listée\(entries.count > 1 ? "s" : "")")
        return Report(
            kind: "registre-journal", title: "Journal du registre", subtitle: subtitle,
            sections: [ReportSection(id: "ecritures", title: "Écritures", content: .table(ReportTable(columns: columns, rows: rows)))])
    }

    /// One convention or programme row for the états, with its position at the date.
    struct Owner {
        var id: String
        var title: String
        var beneficiaire: String
        var structure: String?
        var position: Position
    }

    static func owners(conventions: [PortfolioEntry], programmes: [ProgrammeEntry], asOf: CalendarDate)
        throws(EngineError) -> [Owner]
    {
        var owners: [Owner] = []
        for entry in conventions {
            let convention = entry.convention.convention
            owners.append(
                Owner(
                    id: convention.id, title: convention.title, beneficiaire: convention.beneficiaire, structure: nil,
                    position: try entry.convention.position(entry.bilan, asOf: asOf)))
        }
        for entry in programmes {
            let programme = entry.evaluator.programme
            for (index, row) in entry.rows.enumerated() {
                owners.append(
                    Owner(
                        id: programme.id, title: programme.title, beneficiaire: row.structure, structure: row.structure,
                        position: try entry.evaluator.position(of: row, bilan: entry.bilans[index] ?? Bilan(), asOf: asOf)))
            }
        }
        return owners
    }

    /// État des mandats à émettre : every échéance exigible at `asOf` and not paid (échu), by convention.
    public static func mandates(
        conventions: [PortfolioEntry], programmes: [ProgrammeEntry], asOf: CalendarDate, header: String
    ) throws(EngineError) -> Report {
        let columns = [
            ReportColumn("convention", "Convention", importance: .essential), ReportColumn("beneficiaire", "Bénéficiaire"),
            ReportColumn("echeance", "Échéance", importance: .essential), ReportColumn("libelle", "Libellé"),
            ReportColumn("montant", "Montant", importance: .essential), ReportColumn("exigible-depuis", "Exigible depuis"),
        ]
        var rows: [[ReportCell]] = []
        var amounts: [Money] = []
        for owner in try owners(conventions: conventions, programmes: programmes, asOf: asOf) {
            for line in owner.position.lines {
                guard case .overdue(let since) = line.state, line.amount.isPositive else { continue }
                rows.append([
                    .labelled(id: owner.id, label: owner.title), .text(owner.beneficiaire),
                    line.installmentID.map(ReportCell.text) ?? .empty, .text(line.label), .money(line.amount),
                    since.map(ReportCell.date) ?? .empty,
                ])
                amounts.append(line.amount)
            }
        }
        let total = try exact { try amounts.sum() }
        return Report(
            kind: "etat-mandats", title: "État des mandats à émettre au \(asOf.frenchShort)",
            subtitle: [header, "\(rows.count) échéance\(rows.count > 1 ? "s" : "") exigible\(rows.count > 1 ? "s" : "") non versée\(rows.count > 1 ? "s" : ""), \(total.french)"],
            asOf: asOf,
            sections: [
                ReportSection(
                    id: "mandats", title: "Mandats à émettre",
                    content: .table(
                        ReportTable(
                            columns: columns, rows: rows,
                            total: [.text("Total"), .empty, .empty, .empty, .money(total), .empty])))
            ])
    }

    /// État des titres de recettes à émettre : every reversement due at `asOf`, less the titres already recorded.
    public static func receiptOrders(
        conventions: [PortfolioEntry], programmes: [ProgrammeEntry], ledger: RegisterLedger, asOf: CalendarDate,
        header: String
    ) throws(EngineError) -> Report {
        let columns = [
            ReportColumn("convention", "Convention", importance: .essential), ReportColumn("beneficiaire", "Bénéficiaire"),
            ReportColumn("a-reverser", "À reverser"), ReportColumn("titres-emis", "Titres émis"),
            ReportColumn("a-emettre", "Titre à émettre", importance: .essential),
        ]
        var rows: [[ReportCell]] = []
        var amounts: [Money] = []
        for owner in try owners(conventions: conventions, programmes: programmes, asOf: asOf) {
            guard owner.position.reversement.isPositive else { continue }
            let claimed = try exact {
                try ledger.situations.values.filter { $0.target.convention == owner.id && $0.target.structure == owner.structure }
                    .map { try $0.claimed() }.sum()
            }
            let toIssue = try exact { try owner.position.reversement - claimed }
            guard toIssue.isPositive else { continue }
            rows.append([
                .labelled(id: owner.id, label: owner.title), .text(owner.beneficiaire), .money(owner.position.reversement),
                .money(claimed), .money(toIssue),
            ])
            amounts.append(toIssue)
        }
        let total = try exact { try amounts.sum() }
        return Report(
            kind: "etat-titres", title: "État des titres de recettes à émettre au \(asOf.frenchShort)",
            subtitle: [header, "\(rows.count) reversement\(rows.count > 1 ? "s" : "") à demander, \(total.french)"],
            asOf: asOf,
            sections: [
                ReportSection(
                    id: "titres", title: "Titres de recettes à émettre",
                    content: .table(
                        ReportTable(
                            columns: columns, rows: rows, total: [.text("Total"), .empty, .empty, .empty, .money(total)])))
            ])
    }
}
