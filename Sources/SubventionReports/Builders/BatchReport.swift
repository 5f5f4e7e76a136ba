import SubventionCore

/// The batch report over a programme's table: per row the computed amount against the printed one, the avance,
/// the dotation due and the solde or titre de recettes; then totals per operation and territory, and the findings.
public enum BatchReport {
    /// Throws `ArithmeticError.overflow` when a total exceeds the range of `Money`: a total is never left short.
    public static func build(
        programme: Programme, evaluations: [RowEvaluation], findings: [Finding], asOf: CalendarDate?, tableFile: String?
    ) throws -> Report {
        var rows: [[ReportCell]] = []
        var totals = Totals()
        for evaluation in evaluations {
            let operation = programme.operations.first { $0.id == evaluation.operationID }
            rows.append(
                lineCells(
                    evaluation.row, operationLabel: operation?.label ?? evaluation.row.operation,
                    avanceParameter: operation.flatMap { programme.models[$0.model] }.flatMap {
                        ProgrammeEvaluator.avanceParameter(of: $0.terms)
                    },
                    computedAmount: evaluation.computedAmount, difference: evaluation.difference,
                    figures: evaluation.settlement.map { SettlementFigures(due: $0.due, paid: $0.paid, outcome: $0.outcome) }))
            try totals.add(evaluation)
        }
        let table = ReportTable(columns: lineColumns, rows: rows, total: totals.cells(count: evaluations.count))
        var subtitle = ["\(programme.financeur) – \(French.count(evaluations.count, "ligne"))"]
        if let tableFile { subtitle.append("Tableau : \(tableFile)") }
        return Report(
            kind: "lot", title: programme.title, subtitle: subtitle, asOf: asOf,
            sections: [
                ReportSection(id: "lignes", title: "Lignes du tableau", content: .table(table)),
                try operationsSection(programme, evaluations), try territoriesSection(evaluations),
                try totalsSection(programme, evaluations),
                ReportSection(
                    id: "constats", title: "Écarts signalés",
                    content: .paragraphs(findings.filter { $0.severity >= .warning }.map { "\($0.severity.frenchLabel) : \($0.message)" })),
            ])
    }

    /// The columns of the « lignes » table (one row per structure of the table).
    package static let lineColumns = [
        ReportColumn("ligne", "Ligne", importance: .essential), ReportColumn("operation", "Opération", importance: .low),
        ReportColumn("territoire", "Territoire", importance: .low),
        ReportColumn("structure", "Structure", importance: .essential), ReportColumn("quantite", "Quantité", importance: .low),
        ReportColumn("montant-imprime", "Montant imprimé", importance: .high), ReportColumn("montant-calcule", "Quantité × taux"),
        ReportColumn("ecart", "Écart", importance: .high), ReportColumn("avance", "Avance versée"),
        ReportColumn("du", "Dû", importance: .high), ReportColumn("solde", "Solde", importance: .high),
        ReportColumn("titre-de-recettes", "Titre de recettes", importance: .high),
    ]

    /// One row of the « lignes » table: the same cells whether the report is built whole or streamed (`batch`).
    package static func lineCells(
        _ row: ProgrammeRow, operationLabel: String, avanceParameter: String?, computedAmount: Money, difference: Money,
        figures: SettlementFigures?
    ) -> [ReportCell] {
        var solde = ReportCell.empty
        var titre = ReportCell.empty
        switch figures?.outcome {
        case .solde(let amount)?: solde = .money(amount)
        case .reversement(let amount)?: titre = .money(amount)
        case .settled?: solde = .money(.zero)
        case nil: break
        }
        return [
            .text(row.sourceLine ?? String(row.line)), .text(operationLabel), .text(row.territory),
            .text(row.structure), row.quantity.map(ReportCell.number) ?? .empty, .money(row.declaredAmount),
            .money(computedAmount), .money(difference),
            figures.map { .money($0.paid) } ?? avanceParameter.flatMap { row.parameters[$0] }.map(ReportCell.money) ?? .empty,
            figures.map { .money($0.due) } ?? .empty, solde, titre,
        ]
    }

    /// The totals of the « lignes » table, each sum checked (an overflow is an error, never a wrong total).
    package struct LineTotals {
        var totals = Totals()
        package private(set) var count = 0

        package init() {}

        /// Adds one row's figures.
        /// - Throws: ``EngineError`` when a total overflows.
        package mutating func add(declared: Money, computedAmount: Money, difference: Money, figures: SettlementFigures?)
            throws(EngineError)
        {
            try totals.checkedAdd(
                declared: declared, computed: computedAmount, difference: difference, figures: figures)
            count += 1
        }

        /// The total row.
        package var cells: [ReportCell] { totals.cells(count: count) }
    }

    struct Totals {
        var printed = Money.zero
        var computed = Money.zero
        var difference = Money.zero
        var paid = Money.zero
        var due = Money.zero
        var solde = Money.zero
        var titre = Money.zero

        func cells(count: Int) -> [ReportCell] {
            [
                .text("Total"), .empty, .empty, .integer(count), .empty, .money(printed), .money(computed),
                .money(difference), .money(paid), .money(due), .money(solde), .money(titre),
            ]
        }

        mutating func checkedAdd(declared: Money, computed amount: Money, difference gap: Money, figures: SettlementFigures?)
            throws(EngineError)
        {
            printed = try exact { try printed + declared }
            computed = try exact { try computed + amount }
            difference = try exact { try difference + gap }
            guard let figures else { return }
            paid = try exact { try paid + figures.paid }
            due = try exact { try due + figures.due }
            switch figures.outcome {
            case .solde(let amount): solde = try exact { try solde + amount }
            case .reversement(let amount): titre = try exact { try titre + amount }
            case .settled: break
            }
        }

        mutating func add(_ evaluation: RowEvaluation) throws {
            func plus(_ total: inout Money, _ amount: Money) throws { total = try total + amount }
            try plus(&printed, evaluation.row.declaredAmount)
            try plus(&computed, evaluation.computedAmount)
            try plus(&difference, evaluation.difference)
            guard let settlement = evaluation.settlement else { return }
            try plus(&paid, settlement.paid)
            try plus(&due, settlement.due)
            switch settlement.outcome {
            case .solde(let amount): try plus(&solde, amount)
            case .reversement(let amount): try plus(&titre, amount)
            case .settled: break
            }
        }
    }

    static func operationsSection(_ programme: Programme, _ evaluations: [RowEvaluation]) throws -> ReportSection {
        let groups = Dictionary(grouping: evaluations, by: \.operationID)
        let rows = try programme.operations.compactMap { operation -> [ReportCell]? in
            guard let group = groups[operation.id] else { return nil }
            var totals = Totals()
            try group.forEach { try totals.add($0) }
            let quantity = try group.compactMap(\.row.quantity).reduce(Rational.zero) { try $0.adding($1) }
            let check = operation.declaredTotal.map { $0.amount == totals.printed ? "oui" : "non" } ?? ""
            return [
                .text(operation.label), .integer(group.count), .number(quantity),
                operation.declaredQuantity.map { .number($0.value) } ?? .empty, .money(totals.printed),
                operation.declaredTotal.map { .money($0.amount) } ?? .empty, .text(check), .money(totals.computed),
                .money(totals.due), .money(totals.solde), .money(totals.titre),
            ]
        }
        return ReportSection(
            id: "operations", title: "Totaux par opération (imprimé et calculé)",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("operation", "Opération", importance: .essential), ReportColumn("structures", "Lignes", importance: .low),
                        ReportColumn("quantite", "Quantité (colonne)", importance: .low),
                        ReportColumn("quantite-imprimee", "Quantité imprimée", importance: .low),
                        ReportColumn("somme-des-lignes", "Somme des lignes", importance: .high),
                        ReportColumn("total-imprime", "Total imprimé", importance: .high),
                        ReportColumn("concordance", "Concorde", importance: .high), ReportColumn("montant-calcule", "Quantité × taux"),
                        ReportColumn("du", "Dû", importance: .high), ReportColumn("solde", "Soldes", importance: .high),
                        ReportColumn("titre-de-recettes", "Titres de recettes", importance: .high),
                    ], rows: rows)))
    }

    static func territoriesSection(_ evaluations: [RowEvaluation]) throws -> ReportSection {
        let groups = Dictionary(grouping: evaluations, by: \.row.territory)
        let rows = try groups.keys.sorted().map { territory -> [ReportCell] in
            var totals = Totals()
            try groups[territory]?.forEach { try totals.add($0) }
            return [.text(territory), .integer(groups[territory]?.count ?? 0), .money(totals.printed), .money(totals.due)]
        }
        return ReportSection(
            id: "territoires", title: "Totaux par territoire",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("territoire", "Territoire"), ReportColumn("lignes", "Lignes"),
                        ReportColumn("montant-imprime", "Montant imprimé"), ReportColumn("du", "Dû"),
                    ], rows: rows)))
    }

    static func totalsSection(_ programme: Programme, _ evaluations: [RowEvaluation]) throws -> ReportSection {
        let rows = try programme.declaredTotals.map { total -> [ReportCell] in
            let members = Set(total.operations.isEmpty ? programme.operations.map(\.id) : total.operations)
            let sum = try evaluations.filter { members.contains($0.operationID) }.map(\.row.declaredAmount).sum()
            return [.text(total.label), .money(total.amount.amount), .money(sum), .text(sum == total.amount.amount ? "oui" : "non")]
        }
        return ReportSection(
            id: "totaux", title: "Totaux imprimés par le document",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("total", "Total"), ReportColumn("imprime", "Imprimé"), ReportColumn("somme-des-lignes", "Somme des lignes"),
                        ReportColumn("concordance", "Concorde"),
                    ], rows: rows)))
    }
}
