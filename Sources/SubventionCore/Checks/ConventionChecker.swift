/// Checks a convention's own arithmetic and consistency: declared totals against the sum of components,
/// written amounts against their rates, installments against their percentages, ceilings that never bind
/// or can never be reached, indicative rates inconsistent with the amount, and the document's recorded notes.
public struct ConventionChecker: Sendable {
    public let compiled: CompiledConvention

    public init(_ compiled: CompiledConvention) {
        self.compiled = compiled
    }

    /// Codes of the findings that contradict the money the engine would compute (a ceiling that is not the amount
    /// the document writes, components that do not make the total): `settle`, `schedule`, `explain` refuse such a
    /// convention (exit 1) rather than print a figure the document does not grant.
    public static let refusingCodes: Set<String> = [
        "plafond-montant-ecrit", "total-composantes", "total-financeur", "total-cofinanceurs", "part-invalide",
    ]

    /// The findings that make the convention's figures wrong (``refusingCodes``, severity `erreur`).
    public func refusals() -> [Finding] {
        findings().filter { $0.severity == .error && Self.refusingCodes.contains($0.code) }
    }

    /// The refusals of a convention that may not compile as a whole (a co-financed one is computed by share).
    public static func refusals(of convention: Convention) -> [Finding] {
        do {
            return ConventionChecker(try CompiledConvention(convention)).refusals()
        } catch {
            return [
                Finding(
                    severity: .error, code: "part-invalide", message: "La convention ne peut être calculée : \(error).",
                    subject: convention.id)
            ]
        }
    }

    /// Every finding, most severe first, in a stable order.
    public func findings() -> [Finding] {
        var findings: [Finding] = []
        let convention = compiled.convention
        findings += convention.notes.map {
            Finding(
                severity: $0.severity, code: "remarque-document",
                message: $0.message + ($0.reading.map { " Lecture retenue : \($0)" } ?? ""), subject: convention.id,
                clause: $0.clause)
        }
        findings += componentFindings()
        findings += capFindings()
        findings += totalFindings()
        if convention.isCofinanced {
            findings += cofinancingFindings()
        } else {
            findings += installmentFindings()
        }
        findings += indicativeRateFindings()
        findings += reachabilityFindings()
        findings += lifecycleFindings()
        return findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The product the document writes for a component, before ceilings (rate × planned cost, price × quantity).
    func rawProduct(_ component: Component, rounding: RoundingPolicy) throws -> Money? {
        switch component.basis {
        case .fixed(let amount):
            return amount
        case .unitRate(let price, let quantity):
            return try price.times(quantity, rounding: rounding)
        case .costShare(let rate, _, let plannedCost?, let costLimits):
            let cost = CompiledConvention.fixedAmounts(of: costLimits).reduce(plannedCost) { Money.min($0, $1) }
            return try cost.multiplied(by: rate, rounding: rounding)
        case .costShare, .envelope:
            return nil
        }
    }

    func componentFindings() -> [Finding] {
        var findings: [Finding] = []
        for compiledComponent in compiled.components {
            let component = compiledComponent.component
            let rounding = compiledComponent.rounding
            let products = Self.computed(
                "Montant de « \(component.label) »", subject: component.id, clause: component.clause, into: &findings
            ) { (try rawProduct(component, rounding: rounding), try rawProduct(component, rounding: .nearestCent)) }
            let computed = products.flatMap { $0.0 }
            let atCent = products.flatMap { $0.1 }
            if let written = component.writtenAmount, let computed, let atCent {
                let formula = Self.formula(component.basis)
                if written.amount == computed && computed != atCent {
                    findings.append(
                        Finding(
                            severity: .info, code: "arrondi-du-document",
                            message: "\(formula) = \(atCent.french) au centime ; le document écrit "
                                + "\(written.amount.french), ce qui correspond à la règle déclarée (\(rounding)).",
                            subject: component.id, clause: written.clause ?? component.clause))
                } else if written.amount != computed {
                    let explanation = Self.euroRounding(of: atCent, giving: written.amount)
                    let delta = Self.computed(
                        "Écart de « \(component.label) » au montant écrit", subject: component.id, into: &findings
                    ) { try written.amount - atCent }.map { ", écart \($0.french)" } ?? ""
                    findings.append(
                        Finding(
                            severity: explanation.isEmpty ? .warning : .info,
                            code: "ecart-montant-ecrit",
                            message: "\(formula) = \(atCent.french) au centime ≠ \(written.amount.french) écrit"
                                + "\(delta)\(explanation).",
                            subject: component.id, clause: written.clause ?? component.clause))
                }
            }
            findings += ceilingFindings(compiledComponent, product: atCent)
            let reference = component.writtenAmount?.amount ?? compiledComponent.conventional
            for elsewhere in component.writtenElsewhere where elsewhere.amount != reference {
                findings += elsewhereFindings(component: component, reference: reference, elsewhere: elsewhere)
            }
        }
        return findings
    }

    /// Whether each fixed ceiling of a cost share binds. « Ne lie jamais » only when the cost itself is capped
    /// (`plafonds-du-cout`): a planned cost (`cout-prevu`) bounds nothing, the real cost of the bilan may exceed it.
    func ceilingFindings(_ compiledComponent: CompiledComponent, product: Money?) -> [Finding] {
        let component = compiledComponent.component
        guard case .costShare(let rate, _, _, let costLimits) = component.basis else { return [] }
        var findings: [Finding] = []
        let costCap = CompiledConvention.fixedAmounts(of: costLimits).min()
        let bound = costCap.flatMap { cap in
            Self.computed("Plafond du coût de « \(component.label) »", subject: component.id, into: &findings) {
                try cap.multiplied(by: rate, rounding: .nearestCent)
            }
        }
        for limit in component.limits {
            guard case .amount(let ceiling) = limit.kind else { continue }
            if let bound, let costCap, bound < ceiling {
                findings.append(
                    Finding(
                        severity: .info, code: "plafond-jamais-atteint",
                        message: "Le plafond de \(ceiling.french) (\(limit.label)) ne lie jamais : au plus "
                            + "\(rate.frenchPercentage) × \(costCap.french) (plafond du coût) = \(bound.french).",
                        subject: component.id, clause: limit.clause, positions: [limit.position].compactMap { $0 }))
            } else if let product, ceiling < product {
                let formula = Self.formula(component.basis)
                let excess = Self.computed("Dépassement du plafond de « \(component.label) »", subject: component.id, into: &findings) {
                    try product - ceiling
                }.map { $0.french } ?? "?"
                findings.append(
                    Finding(
                        severity: .info, code: "plafond-contraignant",
                        message: "Le plafond de \(ceiling.french) (\(limit.label)) lie : \(formula) = "
                            + "\(product.french), soit \(excess) au-dessus.",
                        subject: component.id, clause: limit.clause, positions: [limit.position].compactMap { $0 }))
            }
        }
        return findings
    }

    func elsewhereFindings(component: Component, reference: Money, elsewhere: WrittenFigure) -> [Finding] {
        var findings: [Finding] = []
        var message = "« \(component.label) » vaut \(reference.french) dans la convention mais \(elsewhere.amount.french) "
            + "ailleurs dans le document."
        if let total = compiled.convention.declaredTotal?.amount,
            let (withElsewhere, withReference) = Self.computed(
                "Somme des composantes avec « \(component.label) »", subject: component.id, into: &findings, {
                    let others = try compiled.components.filter({ $0.component.id != component.id }).map({
                        $0.component.writtenAmount?.amount ?? $0.conventional
                    }).sum()
                    return (try others + elsewhere.amount, try others + reference)
                })
        {
            message += " Avec \(elsewhere.amount.french), les composantes font \(withElsewhere.french)"
            message += withReference == total
                ? " ≠ \(total.french) ; seul \(reference.french) donne le total de \(total.french)."
                : " ; avec \(reference.french), \(withReference.french) (total écrit : \(total.french))."
        }
        findings.insert(
            Finding(
                severity: .error, code: "montant-contradictoire", message: message, subject: component.id,
                clause: elsewhere.clause,
                positions: [elsewhere.position, component.writtenAmount?.position].compactMap { $0 }),
            at: 0)
        return findings
    }

    /// « (le document arrondit à l'euro) » or « (le document tronque à l'euro) » when that explains `written`.
    static func euroRounding(of exact: Money, giving written: Money) -> String {
        // Optional lookup: whether rounding to the euro explains a gap already reported; a hint in its message.
        if (try? exact.rounded(RoundingPolicy(rule: .halfAwayFromZero, unit: .euro))) == written {
            return " (le document arrondit à l'euro)"
        }
        // Optional lookup: as above.
        if (try? exact.rounded(RoundingPolicy(rule: .towardZero, unit: .euro))) == written {
            return " (le document tronque à l'euro)"
        }
        return ""
    }

    static func formula(_ basis: FundingBasis) -> String {
        switch basis {
        case .fixed(let amount): return amount.french
        case .unitRate(let price, let quantity): return "\(price) × \(quantity)"
        case .costShare(let rate, _, let planned, _):
            return "\(rate.frenchPercentage) × \(planned?.french ?? "coût réel")"
        case .envelope(let maximum, _): return "enveloppe de \(maximum.french)"
        }
    }
}
