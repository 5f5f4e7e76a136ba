import SubventionCore

/// The portfolio report for finance officers: every convention's and programme's position, the payment and
/// obligation calendars, totals per financeur, the programmes' tables by operation and territory, and the findings
/// of `check`.
///
/// Every aggregate reconciles with the lines it sums (property-tested): the Total row is the sum of the lines and
/// of the financeurs; per line `dû − versé = reste à payer − à reverser + non versable`; the calendar's échu and
/// à venir (dated or not) sum to the reste à payer.
public enum PortfolioReport {
    /// - Throws: ``EngineError`` when a position or a sum cannot be computed exactly (overflow): no figure is
    ///   shown then, rather than a wrong one.
    public static func build(
        conventions: [PortfolioEntry], programmes: [ProgrammeEntry], asOf: CalendarDate?
    ) throws(EngineError) -> Report {
        var items: [PortfolioItem] = []
        for entry in conventions { items.append(try PortfolioItem(entry, asOf: asOf)) }
        for entry in programmes { items.append(try PortfolioItem(entry, asOf: asOf)) }
        var sections = [
            try conventionsSection(items), try financeurSection(items), try calendarSection(items),
            try installmentsSection(items), obligationsSection(items),
        ]
        for programme in programmes { sections += try ProgrammeSections.sections(programme) }
        sections.append(findingsSection(conventions.map { ($0.file, $0.findings) } + programmes.map { ($0.file, $0.findings) }))
        let notes = items.flatMap(\.notes)
        if !notes.isEmpty { sections.append(ReportSection(id: "notes", title: "Remarques", content: .paragraphs(notes))) }
        return Report(
            kind: "portefeuille", title: "Portefeuille des conventions de subvention",
            subtitle: ["\(conventions.count) convention(s), \(programmes.count) programme(s)"], asOf: asOf, sections: sections)
    }

    /// The money columns of the conventions and financeurs tables, in order.
    static let moneyColumns = [
        ReportColumn("montant", "Montant conventionné"), ReportColumn("verse", "Versé"), ReportColumn("du", "Dû"),
        ReportColumn("reste-a-payer", "Reste à payer"), ReportColumn("reversement", "À reverser"),
        ReportColumn("non-versable", "Non versable"),
    ]

    static func moneyCells(_ item: PortfolioItem) -> [ReportCell] {
        [item.total, item.paid, item.due, item.remaining, item.reversement, item.notPayable].map(ReportCell.money)
    }

    /// The sums of the money columns over `items`.
    static func sums(_ items: [PortfolioItem]) throws(EngineError) -> [ReportCell] {
        let columns: [(PortfolioItem) -> Money] = [
            \.total, \.paid, \.due, \.remaining, \.reversement, \.notPayable,
        ]
        var cells: [ReportCell] = []
        for column in columns {
            let values = items.map(column)
            cells.append(.money(try exact { try values.sum() }))
        }
        return cells
    }

    static func conventionsSection(_ items: [PortfolioItem]) throws(EngineError) -> ReportSection {
        let rows = items.map { item -> [ReportCell] in
            [.reference(id: item.id, title: item.title), .text(item.financeur), .text(item.beneficiaire)] + moneyCells(item) + [.text(item.basis)]
        }
        return ReportSection(
            id: "conventions", title: "Conventions et programmes",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention"), ReportColumn("financeur", "Financeur"),
                        ReportColumn("beneficiaire", "Bénéficiaire"),
                    ] + moneyColumns + [ReportColumn("base", "Base")],
                    rows: rows, total: [.text("Total"), .empty, .empty] + (try sums(items)) + [.empty])))
    }

    static func financeurSection(_ items: [PortfolioItem]) throws(EngineError) -> ReportSection {
        let groups = Dictionary(grouping: items, by: \.financeur)
        var rows: [[ReportCell]] = []
        for financeur in groups.keys.sorted() {
            let group = groups[financeur] ?? []
            let conventions = group.filter { !$0.isProgramme }.count
            let programmes = group.count - conventions
            rows.append([.text(financeur), .integer(conventions), .integer(programmes)] + (try sums(group)))
        }
        return ReportSection(
            id: "financeurs", title: "Totaux par financeur",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("financeur", "Financeur"), ReportColumn("conventions", "Conventions"),
                        ReportColumn("programmes", "Programmes"),
                    ] + moneyColumns,
                    rows: rows,
                    total: [.text("Total"), .integer(items.filter { !$0.isProgramme }.count),
                        .integer(items.filter(\.isProgramme).count)] + (try sums(items)))))
    }

    static func calendarSection(_ items: [PortfolioItem]) throws(EngineError) -> ReportSection {
        let calendar = try exact { try PaymentCalendar(lines: items.flatMap { $0.lines.map(\.line) }) }
        return ReportSection(id: "calendrier", title: "Calendrier des versements par mois", content: .calendar(calendar))
    }

    /// Every amount of every échéancier with its state; a programme's rows are grouped by installment, state and
    /// date (« 153 structures »).
    static func installmentsSection(_ items: [PortfolioItem]) throws(EngineError) -> ReportSection {
        struct Group {
            var key: String
            var cells: (label: String, triggers: String, date: CalendarDate?, state: String)
            var amounts: [Money]
        }
        var rows: [(date: CalendarDate?, cells: [ReportCell])] = []
        for item in items {
            var groups: [Group] = []
            for entry in item.lines {
                let line = entry.line
                let triggers = line.triggers.map(\.frenchLabel).joined(separator: " et ")
                let cells = (line.label, triggers, line.state.date, line.state.french)
                guard item.isProgramme else {
                    rows.append((line.state.date, [
                        .reference(id: item.id, title: item.title), .text(line.label), .money(line.amount), .text(triggers),
                        line.state.date.map(ReportCell.date) ?? .empty, .text(line.state.french),
                    ]))
                    continue
                }
                let key = "\(line.label)|\(line.state.french)"
                if let index = groups.firstIndex(where: { $0.key == key }) {
                    groups[index].amounts.append(line.amount)
                } else {
                    groups.append(Group(key: key, cells: cells, amounts: [line.amount]))
                }
            }
            for group in groups {
                let count = group.amounts.count
                let amounts = group.amounts
                let amount = ReportCell.money(try exact { try amounts.sum() })
                rows.append((group.cells.date, [
                    .reference(id: item.id, title: item.title), .text("\(group.cells.label) (\(count) ligne\(count > 1 ? "s" : ""))"), amount,
                    .text(group.cells.triggers), group.cells.date.map(ReportCell.date) ?? .empty, .text(group.cells.state),
                ]))
            }
        }
        let sorted = rows.enumerated().sorted { lhs, rhs in
            switch (lhs.element.date, rhs.element.date) {
            case (let left?, let right?): return (left, lhs.offset) < (right, rhs.offset)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.offset < rhs.offset
            }
        }
        return ReportSection(
            id: "echeances", title: "Échéances et conditions",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention"), ReportColumn("versement", "Versement"), ReportColumn("montant", "Montant"),
                        ReportColumn("declencheur", "Déclencheur"), ReportColumn("date", "Date"), ReportColumn("etat", "État"),
                    ], rows: sorted.map(\.element.cells))))
    }

    /// Obligations, late first; a programme's are grouped by obligation, state and deadline.
    static func obligationsSection(_ items: [PortfolioItem]) -> ReportSection {
        let rank: [ObligationStatus.State: Int] = [.late: 0, .pending: 1, .undetermined: 2, .fulfilledLate: 3, .fulfilled: 4]
        var entries: [(convention: ReportCell, status: ObligationStatus, count: Int)] = []
        for item in items {
            guard item.isProgramme else {
                entries += item.obligations.map { (.reference(id: item.id, title: item.title), $0.status, 1) }
                continue
            }
            var groups: [(status: ObligationStatus, count: Int)] = []
            for (_, status) in item.obligations {
                if let index = groups.firstIndex(where: {
                    $0.status.obligation.id == status.obligation.id && $0.status.state == status.state
                        && $0.status.dueDate == status.dueDate && $0.status.fulfilledOn == status.fulfilledOn
                }) {
                    groups[index].count += 1
                } else {
                    groups.append((status, 1))
                }
            }
            entries += groups.map { (.reference(id: item.id, title: item.title), $0.status, $0.count) }
        }
        // Late first, then by deadline (none last), then in the order of the portfolio.
        let sorted = entries.enumerated().sorted { lhs, rhs in
            let left = rank[lhs.element.status.state] ?? 5
            let right = rank[rhs.element.status.state] ?? 5
            if left != right { return left < right }
            switch (lhs.element.status.dueDate, rhs.element.status.dueDate) {
            case (let a?, let b?) where a != b: return a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }
        let rows = sorted.map(\.element).map { convention, status, count -> [ReportCell] in
            [
                convention, .text(status.obligation.label + (count > 1 ? " (\(count) lignes)" : "")),
                .text(status.obligation.party.frenchLabel),
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
