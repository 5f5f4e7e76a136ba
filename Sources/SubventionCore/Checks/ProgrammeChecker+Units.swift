extension Operation {
    /// The unit the operation's rows count in (unité des lignes): the unit of its price, or the one it declares.
    public var rowUnit: QuantityUnit? {
        switch pricing {
        case .unitRate(let price): return price.unit
        case .amountPerRow(let unit): return unit
        }
    }
}

extension ProgrammeChecker {
    /// Each operation's row unit against the unit of its model's prorata: `quantite-de-la-ligne` is counted in the
    /// operation's unit (« accueils »), the bilan's realised quantity in the input's unit (« places »); when they
    /// differ, the ratio compares two different things.
    func unitFindings() -> [Finding] {
        let programme = evaluator.programme
        var findings: [Finding] = []
        for operation in programme.operations {
            guard let rowUnit = operation.rowUnit, let model = programme.models[operation.model] else { continue }
            for limit in model.rowLimits {
                guard case .prorata(let realised, nil, _) = limit.kind,
                    let input = model.terms.inputs.first(where: { $0.key == realised }),
                    case .quantity(let inputUnit) = input.kind, inputUnit != rowUnit
                else { continue }
                findings.append(
                    Finding(
                        severity: .warning, code: "unite-de-ligne",
                        message: "« \(operation.label) » compte ses lignes en « \(rowUnit.name) », mais le prorata du "
                            + "modèle « \(operation.model) » lit « \(realised) » en « \(inputUnit.name) » : la réalisation "
                            + "rapporte des \(inputUnit.name(forCount: Rational(2))) à des \(rowUnit.name(forCount: Rational(2))).",
                        subject: operation.id, clause: limit.clause ?? operation.clause))
            }
        }
        return findings
    }
}
