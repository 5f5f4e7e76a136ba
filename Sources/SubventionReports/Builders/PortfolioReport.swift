import SubventionCore

/// The portfolio report for finance officers: every convention's position, the payment and obligation calendars,
/// totals per financeur, the programmes' tables by operation and territory, and the findings of `check`.
public enum PortfolioReport {
    public static func build(
        conventions: [PortfolioEntry], programmes: [ProgrammeEntry], asOf: CalendarDate?
    ) -> Report {
        let positions = conventions.map { ConventionPosition($0, asOf: asOf) }
        var sections = [
            conventionsSection(positions), financeurSection(positions), calendarSection(positions),
            installmentsSection(positions), obligationsSection(positions, asOf: asOf),
        ]
        for programme in programmes { sections += ProgrammeSections.sections(programme) }
        sections.append(findingsSection(conventions.map { ($0.file, $0.findings) } + programmes.map { ($0.file, $0.findings) }))
        let notes = positions.compactMap { position in
            position.note.map { "\(position.entry.convention.convention.id) : règlement prévisionnel, \($0)" }
        }
        if !notes.isEmpty { sections.append(ReportSection(id: "notes", title: "Remarques", content: .paragraphs(notes))) }
        return Report(
            kind: "portefeuille", title: "Portefeuille des conventions de subvention",
            subtitle: ["\(conventions.count) convention(s), \(programmes.count) programme(s)"], asOf: asOf, sections: sections)
    }

    static func conventionsSection(_ positions: [ConventionPosition]) -> ReportSection {
        let rows = positions.map { position -> [ReportCell] in
            let convention = position.entry.convention.convention
            return [
                .text(convention.id), .text(convention.financeur), .text(convention.beneficiaire),
                .money(position.entry.convention.total), .money(position.paid), .money(position.due),
                .money(position.remaining), .money(position.reversement),
                .text(position.settlement != nil && position.entry.bilanFile != nil ? "bilan" : "prévisionnel"),
            ]
        }
        return ReportSection(
            id: "conventions", title: "Conventions",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention"), ReportColumn("financeur", "Financeur"),
                        ReportColumn("beneficiaire", "Bénéficiaire"), ReportColumn("montant", "Montant conventionné"),
                        ReportColumn("verse", "Versé"), ReportColumn("du", "Dû"), ReportColumn("reste-a-payer", "Reste à payer"),
                        ReportColumn("reversement", "À reverser"), ReportColumn("base", "Base"),
                    ], rows: rows, total: totalRow(positions, leading: 3, trailing: 1))))
    }

    static func totalRow(_ positions: [ConventionPosition], leading: Int, trailing: Int) -> [ReportCell] {
        func sum(_ values: [Money]) -> ReportCell { (try? values.sum()).map(ReportCell.money) ?? .text("dépassement") }
        return [.text("Total")] + Array(repeating: .empty, count: leading - 1) + [
            sum(positions.map(\.entry.convention.total)), sum(positions.map(\.paid)), sum(positions.map(\.due)),
            sum(positions.map(\.remaining)), sum(positions.map(\.reversement)),
        ] + Array(repeating: .empty, count: trailing)
    }

    static func financeurSection(_ positions: [ConventionPosition]) -> ReportSection {
        let groups = Dictionary(grouping: positions) { $0.entry.convention.convention.financeur }
        let rows = groups.keys.sorted().map { financeur -> [ReportCell] in
            let group = groups[financeur] ?? []
            return [.text(financeur), .integer(group.count)] + Array(totalRow(group, leading: 1, trailing: 0).dropFirst())
        }
        return ReportSection(
            id: "financeurs", title: "Totaux par financeur",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("financeur", "Financeur"), ReportColumn("conventions", "Conventions"),
                        ReportColumn("montant", "Montant conventionné"), ReportColumn("verse", "Versé"), ReportColumn("du", "Dû"),
                        ReportColumn("reste-a-payer", "Reste à payer"), ReportColumn("reversement", "À reverser"),
                    ], rows: rows)))
    }

    static func calendarSection(_ positions: [ConventionPosition]) -> ReportSection {
        var months: [String: PaymentCalendar.Month] = [:]
        for position in positions {
            for item in position.calendarItems {
                guard let date = item.date else { continue }
                let key = "\(date.year)-\(date.month)"
                var month = months[key] ?? PaymentCalendar.Month(year: date.year, month: date.month, paid: .zero, due: .zero)
                if item.paid {
                    month.paid = (try? month.paid + item.amount) ?? month.paid
                } else {
                    month.due = (try? month.due + item.amount) ?? month.due
                }
                months[key] = month
            }
        }
        let sorted = months.values.sorted { ($0.year, $0.month) < ($1.year, $1.month) }
        return ReportSection(id: "calendrier", title: "Calendrier des versements par mois", content: .calendar(PaymentCalendar(months: sorted)))
    }

    static func installmentsSection(_ positions: [ConventionPosition]) -> ReportSection {
        var rows: [[ReportCell]] = []
        for position in positions {
            for item in position.calendarItems {
                let installment = item.installment.installment
                let missing = installment.triggers.filter { item.installment.triggerDates[$0] == nil }
                let state = item.paid
                    ? "versé"
                    : (missing.isEmpty ? "condition remplie" : "attend : " + missing.map(\.frenchLabel).joined(separator: ", "))
                rows.append([
                    .text(position.entry.convention.convention.id), .text(installment.label), .money(item.amount),
                    .text(installment.triggers.map(\.frenchLabel).joined(separator: " et ")),
                    item.date.map(ReportCell.date) ?? .empty, .text(state),
                ])
            }
        }
        rows.sort { lhs, rhs in
            switch (lhs[4], rhs[4]) {
            case (.date(let left), .date(let right)): return left < right
            case (.date, _): return true
            default: return false
            }
        }
        return ReportSection(
            id: "echeances", title: "Échéances et conditions",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention"), ReportColumn("versement", "Versement"), ReportColumn("montant", "Montant"),
                        ReportColumn("declencheur", "Déclencheur"), ReportColumn("date", "Date"), ReportColumn("etat", "État"),
                    ], rows: rows)))
    }

    static func obligationsSection(_ positions: [ConventionPosition], asOf: CalendarDate?) -> ReportSection {
        let rank: [ObligationStatus.State: Int] = [.late: 0, .pending: 1, .undetermined: 2, .fulfilledLate: 3, .fulfilled: 4]
        let items = positions.flatMap { position in position.obligations.map { (position.entry.convention.convention.id, $0) } }
            .sorted { lhs, rhs in
                let left = (rank[lhs.1.state] ?? 5, lhs.1.dueDate ?? CalendarDate(year: 9999, month: 12, day: 31)!)
                let right = (rank[rhs.1.state] ?? 5, rhs.1.dueDate ?? CalendarDate(year: 9999, month: 12, day: 31)!)
                return left < right
            }
        let rows = items.map { id, status -> [ReportCell] in
            [
                .text(id), .text(status.obligation.label), .text(status.obligation.party.frenchLabel),
                status.dueDate.map(ReportCell.date) ?? .text(status.obligation.due.description), .text(status.state.frenchLabel),
                status.fulfilledOn.map(ReportCell.date) ?? .empty,
            ]
        }
        return ReportSection(
            id: "obligations", title: "Calendrier des obligations (en retard d'abord)",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention"), ReportColumn("obligation", "Obligation"), ReportColumn("partie", "Partie"),
                        ReportColumn("echeance", "Échéance"), ReportColumn("etat", "État"), ReportColumn("accomplie-le", "Accomplie le"),
                    ], rows: rows)))
    }

    static func findingsSection(_ files: [(String, [Finding])]) -> ReportSection {
        let rows = files.map { file, findings -> [ReportCell] in
            let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
            return [.text(file), .integer(count(.error)), .integer(count(.warning)), .integer(count(.info)),
                .text(Set(findings.filter { $0.severity >= .warning }.map(\.code)).sorted().joined(separator: ", "))]
        }
        return ReportSection(
            id: "constats", title: "Constats de vérification (subvention check)",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("fichier", "Fichier"), ReportColumn("erreurs", "Erreurs"), ReportColumn("avertissements", "Avertissements"),
                        ReportColumn("infos", "Infos"), ReportColumn("codes", "Codes"),
                    ], rows: rows)))
    }
}
