/// Checks a programme's table against its own printed figures: each row's amount against quantity × rate,
/// and each operation's and the programme's printed totals, quantities and structure counts against the rows.
public struct ProgrammeChecker: Sendable {
    public let evaluator: ProgrammeEvaluator
    public let rows: [ProgrammeRow]

    /// Compiles the programme's operations once.
    public init(_ programme: Programme, rows: [ProgrammeRow]) throws(EngineError) {
        self.init(evaluator: try ProgrammeEvaluator(programme), rows: rows)
    }

    /// With the programme's operations already compiled.
    public init(evaluator: ProgrammeEvaluator, rows: [ProgrammeRow]) {
        self.evaluator = evaluator
        self.rows = rows
    }

    /// Every finding, most severe first, in table order.
    /// - Parameter printedTotals: whether to check the programme's printed totals, quantities and structure counts
    ///   against the rows: false for a table that is not the programme's own (a bilan of realised figures).
    public func findings(printedTotals: Bool = true) throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for row in rows { findings += try rowFindings(row) }
        return try programmeFindings(
            ProgrammeTally(rows: rows, evaluator: evaluator), rowFindings: findings, printedTotals: printedTotals)
    }

    /// The findings of the programme itself and of its printed totals against `tally` (what `batch` gives when it
    /// streams a table), most severe first; `rowFindings` come after the document's remarks, as in ``findings()``.
    public func programmeFindings(_ tally: ProgrammeTally, rowFindings: [Finding] = [], printedTotals: Bool = true)
        throws(EngineError) -> [Finding]
    {
        let programme = evaluator.programme
        var findings = programme.notes.map {
            Finding(
                severity: $0.severity, code: "remarque-document",
                message: $0.message + ($0.reading.map { " Lecture retenue : \($0)" } ?? ""), subject: programme.id,
                clause: $0.clause)
        }
        findings += rowFindings
        if printedTotals { findings += try operationFindings(tally) }
        findings += unitFindings()
        if printedTotals { findings += try totalFindings(tally) }
        return Self.ordered(findings)
    }

    /// Most severe first, in the order found otherwise.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    func rowFindings(_ row: ProgrammeRow) throws(EngineError) -> [Finding] {
        let operation = try evaluator.compiledOperation(for: row).operation
        guard case .unitRate(let price) = operation.pricing else { return [] }
        let computed = try evaluator.computedAmount(of: row)
        guard computed != row.declaredAmount, let quantity = row.quantity else { return [] }
        let difference = try exact { try row.declaredAmount - computed }
        let location = row.sourceLine.map { "l. \($0) du document, ligne \(row.line) du tableau" } ?? "ligne \(row.line)"
        var message =
            "\(location) (\(row.territory), \(row.structure)) : \(Quantity(quantity, price.unit)) × \(price) = "
            + "\(computed.french), le tableau imprime \(row.declaredAmount.french) (écart \(difference.french))"
        // Optional lookup: the quantity the printed amount implies, a hint added to the finding when it exists.
        if let implied = try? row.declaredAmount.euros.divided(by: price.euros), implied.denominator == 1 {
            message += " ; \(row.declaredAmount.french) correspondent à \(Quantity(implied, price.unit))"
        }
        return [
            Finding(
                severity: .warning, code: "ecart-ligne", message: message, subject: row.structure,
                clause: Clause(document: evaluator.programme.document, lines: row.sourceLine))
        ]
    }

    func operationFindings(_ tally: ProgrammeTally) throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for operation in evaluator.programme.operations {
            let sums = tally.operations[operation.id] ?? ProgrammeTally.Sums()
            let printed = sums.printed
            if let declared = operation.declaredTotal, declared.amount != printed {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-total-operation",
                        message: "« \(operation.label) » : total imprimé \(declared.amount.french), somme des lignes "
                            + "\(printed.french) (écart \(try exact { try declared.amount - printed }.french))",
                        subject: operation.id, clause: declared.clause))
            }
            if let declared = operation.declaredQuantity {
                let sum = sums.quantity
                if sum != declared.value {
                    let difference = try exact { try sum.subtracting(declared.value) }
                    findings.append(
                        Finding(
                            severity: .warning, code: "ecart-quantite-operation",
                            message: "« \(operation.label) » : quantité imprimée \(declared), somme de la colonne "
                                + "\(Quantity(sum, declared.unit)) (écart \(difference.french()))",
                            subject: operation.id, clause: operation.declaredQuantityClause))
                }
            }
            if let declared = operation.declaredStructures, declared != sums.rows {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-nombre-structures",
                        message: "« \(operation.label) » : \(declared) structures annoncées, \(sums.rows) lignes au tableau",
                        subject: operation.id, clause: operation.clause))
            }
        }
        return findings
    }

    func totalFindings(_ tally: ProgrammeTally) throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for total in evaluator.programme.declaredTotals {
            let members = Set(total.operations.isEmpty ? evaluator.programme.operations.map(\.id) : total.operations)
            var sum = Money.zero
            for member in members.sorted() {
                guard let sums = tally.operations[member] else { continue }
                sum = try exact { try sum + sums.printed }
            }
            if sum != total.amount.amount {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-total-programme",
                        message: "« \(total.label) » : total imprimé \(total.amount.amount.french), somme des lignes \(sum.french)",
                        subject: evaluator.programme.id, clause: total.amount.clause))
            }
        }
        return findings
    }
}
