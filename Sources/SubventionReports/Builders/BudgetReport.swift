import SubventionCore

/// The budget report (« subvention budget »): per imputation and exercice the AE votée, engagée and disponible;
/// the CP prévus by the échéanciers, mandatés and restes à réaliser, per imputation and per exercice (past, current,
/// to come); how each engaged figure is made up; and the findings.
public enum BudgetReport {
    /// - Parameters:
    ///   - ledger: the engagements set against the budget lines.
    ///   - findings: the ledger's findings and those of the printed budget tables.
    ///   - asOf: the date of the report; its year is the current exercice.
    public static func build(ledger: BudgetLedger, findings: [Finding], asOf: CalendarDate?) throws(EngineError) -> Report {
        let financeurs = Set(ledger.engagements.map(\.financeur)).sorted()
        return Report(
            kind: "budget", title: "Budget : autorisations d'engagement et crédits de paiement",
            subtitle: financeurs.isEmpty ? ["Aucune ligne budgétaire"] : financeurs, asOf: asOf,
            sections: [
                engagementSection(ledger), try creditsSection(ledger, asOf: asOf), try exercicesSection(ledger, asOf: asOf),
                try detailSection(ledger),
                ReportSection(
                    id: "constats", title: "Constats",
                    content: .paragraphs(
                        findings.sorted { $0.severity > $1.severity }.map { finding in
                            "\(finding.severity.frenchLabel) [\(finding.code)] \(finding.subject) : \(finding.message)"
                                + (finding.clause.map { " (source : \($0))" } ?? "")
                        })),
            ])
    }

    static func engagementSection(_ ledger: BudgetLedger) -> ReportSection {
        let rows: [[ReportCell]] = ledger.engagements.map { position in
            [
                .text(position.financeur), exerciceCell(position.exercice), .text(position.imputation.code),
                position.imputation.account.map(ReportCell.text) ?? .empty,
                position.imputation.label.map(ReportCell.text) ?? .empty,
                position.voted.map(ReportCell.money) ?? .text("non déclarée"), .money(position.committed),
                position.available.map(ReportCell.money) ?? .empty, .integer(position.commitments.count),
            ]
        }
        return ReportSection(
            id: "autorisations-engagement", title: "Autorisations d'engagement par imputation et exercice",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("financeur", "Financeur"), ReportColumn("exercice", "Exercice"),
                        ReportColumn("code-operation", "Code opération", importance: .high), ReportColumn("imputation", "Imputation", importance: .low),
                        ReportColumn("libelle", "Libellé", importance: .low), ReportColumn("ae-votee", "AE votée", importance: .high),
                        ReportColumn("ae-engagee", "AE engagée", importance: .high), ReportColumn("ae-disponible", "AE disponible", importance: .high),
                        ReportColumn("engagements", "Engagements"),
                    ], rows: rows)))
    }

    static func creditsSection(_ ledger: BudgetLedger, asOf: CalendarDate?) throws(EngineError) -> ReportSection {
        let rows: [[ReportCell]] = ledger.credits.map { credits in
            [
                .text(credits.financeur), .text(credits.code), exerciceCell(credits.exercice), .money(credits.planned),
                .money(credits.paid), .money(credits.remaining), .text(situation(credits.exercice, asOf: asOf)),
            ]
        }
        let total = try totals(ledger.credits)
        return ReportSection(
            id: "credits-paiement", title: "Crédits de paiement par imputation et exercice",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("financeur", "Financeur"), ReportColumn("code-operation", "Code opération", importance: .high),
                        ReportColumn("exercice", "Exercice"), ReportColumn("cp-prevus", "CP prévus", importance: .high),
                        ReportColumn("cp-mandates", "CP mandatés", importance: .high), ReportColumn("restes-a-realiser", "Restes à réaliser", importance: .high),
                        ReportColumn("situation", "Situation"),
                    ], rows: rows,
                    total: [.text("Total"), .empty, .empty, .money(total.planned), .money(total.paid), .money(total.remaining)])))
    }

    /// CP per exercice over every line: what the échéanciers plan for each year, what was paid, what remains.
    static func exercicesSection(_ ledger: BudgetLedger, asOf: CalendarDate?) throws(EngineError) -> ReportSection {
        let years = Array(Set(ledger.credits.map(\.exercice)))
            .sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        var rows: [[ReportCell]] = []
        for year in years {
            let total = try totals(ledger.credits.filter { $0.exercice == year })
            rows.append([
                exerciceCell(year), .money(total.planned), .money(total.paid), .money(total.remaining),
                .text(situation(year, asOf: asOf)),
            ])
        }
        let total = try totals(ledger.credits)
        return ReportSection(
            id: "exercices", title: "Crédits de paiement par exercice",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("exercice", "Exercice"), ReportColumn("cp-prevus", "CP prévus", importance: .high),
                        ReportColumn("cp-mandates", "CP mandatés", importance: .high), ReportColumn("restes-a-realiser", "Restes à réaliser", importance: .high),
                        ReportColumn("situation", "Situation"),
                    ], rows: rows, total: [.text("Total"), .money(total.planned), .money(total.paid), .money(total.remaining)])))
    }

    /// How every engaged figure is made up, and the AE it is set against.
    static func detailSection(_ ledger: BudgetLedger) throws(EngineError) -> ReportSection {
        var paragraphs: [String] = []
        for position in ledger.engagements {
            let year = position.exercice.map(String.init) ?? "exercice non daté"
            let groups = try position.groups()
            let parts = groups.map { group in
                "\(group.amount.french) (\(group.group)\(group.count > 1 ? ", \(group.count) engagements" : ""))"
            }
            var text = "\(position.imputation.code) (\(year)) : engagée \(position.committed.french)"
            if groups.count > 1 || groups.first?.count ?? 0 > 1 { text += " = " + parts.joined(separator: " + ") }
            else if let group = groups.first { text += " (\(group.group))" }
            if let voted = position.voted, let available = position.available {
                text += " ; disponible = AE votée \(voted.french) − \(position.committed.french) = \(available.french)"
                if let clause = position.line?.commitmentAuthority.clause ?? position.line?.clause {
                    text += " (AE : \(clause))"
                }
            } else {
                text += " ; aucune AE déclarée pour cette ligne"
            }
            paragraphs.append(text + ".")
        }
        return ReportSection(id: "detail-engagements", title: "Détail des engagements", content: .paragraphs(paragraphs))
    }

    static func totals(_ credits: [BudgetLedger.Credits]) throws(EngineError) -> (planned: Money, paid: Money, remaining: Money) {
        do {
            return (
                try credits.map(\.planned).sum(), try credits.map(\.paid).sum(), try credits.map(\.remaining).sum()
            )
        } catch {
            throw .arithmetic(error as? ArithmeticError ?? .overflow(operation: "totaux des crédits de paiement"))
        }
    }

    static func exerciceCell(_ year: Int?) -> ReportCell {
        year.map(ReportCell.integer) ?? .text("non daté")
    }

    /// « clos », « en cours » or « à venir » relative to the report's date; « à dater » for undated échéances.
    static func situation(_ year: Int?, asOf: CalendarDate?) -> String {
        guard let year else { return "à dater" }
        guard let current = asOf?.year else { return "" }
        return year < current ? "clos" : (year == current ? "en cours" : "à venir")
    }
}
