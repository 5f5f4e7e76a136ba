extension ConventionChecker {
    /// The most a component can ever pay, and the fixed ceiling (plafond) that sets it, if one does.
    struct ComponentMaximum {
        let amount: Money
        /// The ceiling that gives `amount`; `nil` when the basis itself does (fixed amount, unit price × quantity,
        /// envelope, share of a capped cost).
        let ceiling: Limit?
    }

    /// The upper bound of a component's due at settlement: the smallest of its fixed ceilings and of what its
    /// basis can give (`nil` when nothing bounds it: a share of a real cost without any fixed ceiling).
    ///
    /// A planned cost (`cout-prevu`) bounds nothing: the bilan's real cost may exceed it.
    func maximum(of compiled: CompiledComponent) throws -> ComponentMaximum? {
        let component = compiled.component
        var best: ComponentMaximum?
        switch component.basis {
        case .fixed(let amount):
            best = ComponentMaximum(amount: amount, ceiling: nil)
        case .unitRate(let price, let quantity):
            best = ComponentMaximum(amount: try price.times(quantity, rounding: compiled.rounding), ceiling: nil)
        case .envelope(let maximum, _):
            best = ComponentMaximum(amount: maximum, ceiling: nil)
        case .costShare(let rate, _, _, let costLimits):
            if let cost = CompiledConvention.fixedAmounts(of: costLimits).min() {
                best = ComponentMaximum(amount: try cost.multiplied(by: rate, rounding: compiled.rounding), ceiling: nil)
            }
        }
        for limit in component.limits {
            guard case .amount(let ceiling) = limit.kind else { continue }
            if best == nil || ceiling < best!.amount { best = ComponentMaximum(amount: ceiling, ceiling: limit) }
        }
        return best
    }

    /// Each component's fixed ceilings against the amount the document writes for it (`montant-ecrit`).
    ///
    /// A ceiling below the written amount means it can never be paid; when the written amount is the only
    /// statement of the component's amount (a share of a real cost without a planned cost), a maximum above it
    /// means `settle` can pay more than the document grants (41 000 € typed where the document writes 40 000 €).
    /// Either is an `erreur` citing both figures and both places in the file.
    func capFindings() -> [Finding] {
        var findings: [Finding] = []
        for compiledComponent in compiled.components {
            let component = compiledComponent.component
            guard let written = component.writtenAmount else { continue }
            let statesItsOwnAmount = Self.statesItsOwnAmount(component.basis)
            let writtenAt = written.position.map { " (\($0))" } ?? ""
            guard
                let bounded = Self.computed(
                    "Plafond de « \(component.label) »", subject: component.id, clause: component.clause, into: &findings,
                    { try maximum(of: compiledComponent) })
            else { continue }
            guard let maximum = bounded else {
                if !statesItsOwnAmount {
                    findings.append(
                        Finding(
                            severity: .warning, code: "montant-ecrit-sans-plafond",
                            message: "« \(component.label) » : le document écrit \(written.amount.french)\(writtenAt) "
                                + "mais aucun plafond fixe ne borne la composante : le règlement peut dépasser ce montant.",
                            subject: component.id, clause: written.clause ?? component.clause,
                            positions: [written.position].compactMap { $0 }))
                }
                continue
            }
            guard let ceiling = maximum.ceiling, maximum.amount != written.amount else {
                if !statesItsOwnAmount, maximum.amount != written.amount {
                    findings.append(
                        Finding(
                            severity: .error, code: "plafond-montant-ecrit",
                            message: "« \(component.label) » : la composante donne au plus \(maximum.amount.french) "
                                + "(\(Self.formula(component.basis))) mais le document écrit "
                                + "\(written.amount.french)\(writtenAt).",
                            subject: component.id, clause: written.clause ?? component.clause,
                            positions: [written.position].compactMap { $0 }))
                }
                continue
            }
            if maximum.amount < written.amount || !statesItsOwnAmount {
                let ceilingAt = ceiling.position.map { " (\($0))" } ?? ""
                let excess = Self.computed("Dépassement de « \(component.label) »", subject: component.id, into: &findings) {
                    try maximum.amount - written.amount
                }
                let consequence = maximum.amount < written.amount
                    ? "le montant écrit ne peut jamais être versé"
                    : "le règlement peut verser jusqu'à \(maximum.amount.french), "
                        + "\(excess?.french ?? "?") de plus que le document"
                findings.append(
                    Finding(
                        severity: .error, code: "plafond-montant-ecrit",
                        message: "« \(component.label) » : plafond de \(maximum.amount.french)\(ceilingAt) ≠ "
                            + "\(written.amount.french) écrits par le document\(writtenAt) : \(consequence).",
                        subject: component.id, clause: ceiling.clause ?? written.clause ?? component.clause,
                        positions: [ceiling.position, written.position].compactMap { $0 }))
            }
        }
        return findings
    }
}
