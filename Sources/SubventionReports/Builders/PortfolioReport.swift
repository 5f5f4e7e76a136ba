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
        let findings = conventions.map { ($0.file, $0.findings) } + programmes.map { ($0.file, $0.findings) }
        let files = zip(findings, items).map { pair, item in (file: pair.0, title: item.title, findings: pair.1) }
        sections.append(findingsSection(files))
        let messages = findingMessages(files)
        if !messages.isEmpty {
            sections.append(ReportSection(id: "constats-messages", title: "Constats : erreurs et avertissements", content: .paragraphs(messages)))
        }
        let notes = items.flatMap(\.notes)
        if !notes.isEmpty { sections.append(ReportSection(id: "notes", title: "Remarques", content: .paragraphs(notes))) }
        return Report(
            kind: "portefeuille", title: "Portefeuille des conventions de subvention",
            subtitle: [French.count(conventions.count, "convention") + ", " + French.count(programmes.count, "programme")],
            asOf: asOf, sections: sections)
    }

    /// The money columns of the conventions and financeurs tables, in order.
    static let moneyColumns = [
        ReportColumn("montant", "Montant conventionné", importance: .high), ReportColumn("verse", "Versé", importance: .high),
        ReportColumn("du", "Dû"), ReportColumn("reste-a-payer", "Reste à payer", importance: .high),
        ReportColumn("reversement", "À reverser", importance: .high), ReportColumn("non-versable", "Non versable", importance: .low),
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
            [.labelled(id: item.id, label: item.title), .text(item.financeur), .text(item.beneficiaire)] + moneyCells(item)
                + [.text(item.basis)]
        }
        return ReportSection(
            id: "conventions", title: "Conventions et programmes",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("convention", "Convention", importance: .essential),
                        ReportColumn("financeur", "Financeur", importance: .low),
                        ReportColumn("beneficiaire", "Bénéficiaire", importance: .low),
                    ] + moneyColumns + [ReportColumn("base", "Base", importance: .low)],
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
                        ReportColumn("financeur", "Financeur", importance: .essential),
                        ReportColumn("conventions", "Conventions", importance: .low),
                        ReportColumn("programmes", "Programmes", importance: .low),
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
                        .labelled(id: item.id, label: item.title), .text(line.label), .money(line.amount), .text(triggers),
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
                    .labelled(id: item.id, label: item.title), .text("\(group.cells.label) (\(French.count(count, "ligne")))"), amount,
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
                        ReportColumn("convention", "Convention", importance: .essential), ReportColumn("versement", "Versement"),
                        ReportColumn("montant", "Montant", importance: .high), ReportColumn("declencheur", "Déclencheur", importance: .low),
                        ReportColumn("date", "Date", importance: .high), ReportColumn("etat", "État", importance: .high),
                    ], rows: sorted.map(\.element.cells))))
    }

    /// Obligations, late first; a programme's are grouped by obligation, state and deadline.
    static func obligationsSection(_ items: [PortfolioItem]) -> ReportSection {
        let rank: [ObligationStatus.State: Int] = [.late: 0, .pending: 1, .undetermined: 2, .fulfilledLate: 3, .fulfilled: 4]
        var entries: [(id: ReportCell, status: ObligationStatus, count: Int)] = []
        for item in items {
            guard item.isProgramme else {
                entries += item.obligations.map { (.labelled(id: item.id, label: item.title), $0.status, 1) }
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
            entries += groups.map { (.labelled(id: item.id, label: item.title), $0.status, $0.count) }
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
        let rows = sorted.map(\.element).map { id, status, count -> [ReportCell] in
            [
                id, .text(status.obligation.label + (count > 1 ? " (\(French.count(count, "ligne")))" : "")),
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
                        ReportColumn("convention", "Convention", importance: .essential), ReportColumn("obligation", "Obligation"),
                        ReportColumn("partie", "Partie", importance: .low), ReportColumn("echeance", "Échéance", importance: .high),
                        ReportColumn("etat", "État", importance: .high), ReportColumn("accomplie-le", "Accomplie le"),
                    ], rows: rows)))
    }

    static func findingsSection(_ files: [(file: String, title: String, findings: [Finding])]) -> ReportSection {
        let rows = files.map { file, title, findings -> [ReportCell] in
            let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
            return [.labelled(id: file, label: title), .integer(count(.error)), .integer(count(.warning)), .integer(count(.info)),
                .text(Set(findings.filter { $0.severity >= .warning }.map(\.code)).sorted().joined(separator: ", "))]
        }
        return ReportSection(
            id: "constats", title: "Constats de vérification (subvention check)",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("fichier", "Fichier", importance: .essential), ReportColumn("erreurs", "Erreurs"),
                        ReportColumn("avertissements", "Avertissements"), ReportColumn("infos", "Infos"),
                        ReportColumn("codes", "Codes", importance: .low),
                    ], rows: rows)))
    }

    /// Each error and warning with its message: « Titre : erreur – message [clause] ».
    static func findingMessages(_ files: [(file: String, title: String, findings: [Finding])]) -> [String] {
        files.flatMap { _, title, findings in
            findings.filter { $0.severity >= .warning }.map { finding in
                "\(title) : \(finding.severity.frenchLabel) – \(finding.message)" + (finding.clause.map { " [\($0)]" } ?? "")
            }
        }
    }
}
