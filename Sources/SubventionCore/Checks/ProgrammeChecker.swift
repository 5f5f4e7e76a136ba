/// Checks a programme's table against its own printed figures: each row's amount against quantity × rate,
/// and each operation's and the programme's printed totals, quantities and structure counts against the rows.
public struct ProgrammeChecker: Sendable {
    public let evaluator: ProgrammeEvaluator
    public let rows: [ProgrammeRow]

    /// Compiles the programme's operations once.
    public init(_ programme: Programme, rows: [ProgrammeRow]) throws(EngineError) {
        evaluator = try ProgrammeEvaluator(programme)
        self.rows = rows
    }

    /// Every finding, most severe first, in table order.
    public func findings() throws(EngineError) -> [Finding] {
        let programme = evaluator.programme
        var findings = programme.notes.map {
            Finding(
                severity: $0.severity, code: "remarque-document",
                message: $0.message + ($0.reading.map { " Lecture retenue : \($0)" } ?? ""), subject: programme.id,
                clause: $0.clause)
        }
        for row in rows { findings += try rowFindings(row) }
        findings += try operationFindings()
        findings += unitFindings()
        findings += try totalFindings()
        return findings.enumerated().sorted { lhs, rhs in
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

    func operationFindings() throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for operation in evaluator.programme.operations {
            let operationRows = rows.filter { evaluator.operationsByLabel[$0.operation]?.operation.id == operation.id }
            let printed = try exact { try operationRows.map(\.declaredAmount).sum() }
            if let declared = operation.declaredTotal, declared.amount != printed {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-total-operation",
                        message: "« \(operation.label) » : total imprimé \(declared.amount.french), somme des lignes "
                            + "\(printed.french) (écart \(try exact { try declared.amount - printed }.french))",
                        subject: operation.id, clause: declared.clause))
            }
            if let declared = operation.declaredQuantity {
                let sum = try exact { try operationRows.compactMap(\.quantity).reduce(Rational.zero) { try $0.adding($1) } }
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
            if let declared = operation.declaredStructures, declared != operationRows.count {
                findings.append(
                    Finding(
                        severity: .warning, code: "ecart-nombre-structures",
                        message: "« \(operation.label) » : \(declared) structures annoncées, \(operationRows.count) lignes au tableau",
                        subject: operation.id, clause: operation.clause))
            }
        }
        return findings
    }

    func totalFindings() throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        for total in evaluator.programme.declaredTotals {
            let members = Set(total.operations.isEmpty ? evaluator.programme.operations.map(\.id) : total.operations)
            let memberRows = rows.filter { members.contains(evaluator.operationsByLabel[$0.operation]?.operation.id ?? "") }
            let sum = try exact { try memberRows.map(\.declaredAmount).sum() }
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
