import SubventionCore

/// A programme's table summarised by operation and by territory: printed against computed amounts.
enum ProgrammeSections {
    /// - Throws: ``EngineError`` when a row's amount cannot be computed (no quantity for a unit rate) or a sum
    ///   overflows: an écart is never shown for a row that could not be computed.
    static func sections(_ entry: ProgrammeEntry) throws(EngineError) -> [ReportSection] {
        let programme = entry.evaluator.programme
        var byOperation: [String: (rows: Int, printed: Money, computed: Money)] = [:]
        var byTerritory: [String: (rows: Int, printed: Money)] = [:]
        for row in entry.rows {
            let id = programme.operation(forTableLabel: row.operation)?.id ?? row.operation
            let computed = try entry.evaluator.computedAmount(of: row)
            var current = byOperation[id] ?? (0, .zero, .zero)
            current.rows += 1
            current.printed = try exact { try current.printed + row.declaredAmount }
            current.computed = try exact { try current.computed + computed }
            byOperation[id] = current
            var territory = byTerritory[row.territory] ?? (0, .zero)
            territory.rows += 1
            territory.printed = try exact { try territory.printed + row.declaredAmount }
            byTerritory[row.territory] = territory
        }
        var operationRows: [[ReportCell]] = []
        for operation in programme.operations {
            guard let totals = byOperation[operation.id] else { continue }
            let difference = try exact { try totals.printed - totals.computed }
            operationRows.append([
                .text(operation.label), .integer(totals.rows), operation.declaredTotal.map { .money($0.amount) } ?? .empty,
                .money(totals.printed), .money(totals.computed), .money(difference),
            ])
        }
        let printed = try exact { try entry.rows.map(\.declaredAmount).sum() }
        let territoryRows = byTerritory.keys.sorted().map { territory -> [ReportCell] in
            let totals = byTerritory[territory] ?? (0, .zero)
            return [.text(territory), .integer(totals.rows), .money(totals.printed)]
        }
        return [
            ReportSection(
                id: "operations", title: "\(programme.title) – par opération",
                content: .table(
                    ReportTable(
                        columns: [
                            ReportColumn("operation", "Opération"), ReportColumn("structures", "Structures"),
                            ReportColumn("total-imprime", "Total imprimé"), ReportColumn("somme-des-lignes", "Somme des lignes"),
                            ReportColumn("quantite-x-taux", "Quantité × taux"), ReportColumn("ecart", "Écart"),
                        ], rows: operationRows,
                        total: [.text("Total"), .integer(entry.rows.count), .empty, .money(printed), .empty, .empty]))),
            ReportSection(
                id: "territoires", title: "\(programme.title) – par territoire",
                content: .table(
                    ReportTable(
                        columns: [ReportColumn("territoire", "Territoire"), ReportColumn("structures", "Lignes"), ReportColumn("montant", "Montant")],
                        rows: territoryRows, total: [.text("Total"), .integer(entry.rows.count), .money(printed)]))),
        ]
    }
}
