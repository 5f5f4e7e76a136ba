extension ConventionChecker {
    /// A cost-share component whose ceiling sits where another component on the same cost is already capped:
    /// within the first ceiling the second never reaches its own, so the total is unreachable.
    func reachabilityFindings() -> [Finding] {
        struct Share {
            let component: Component
            let rate: Rational
            let input: String
            let cap: Money
            let rounding: RoundingPolicy
        }
        var findings: [Finding] = []
        var shares: [Share] = []
        for compiled in compiled.components {
            let component = compiled.component
            guard case .costShare(let rate, let input, _, let costLimits) = component.basis, !rate.isZero,
                let costCaps = Self.computed(
                    "Plafonds du coût de « \(component.label) »", subject: component.id, into: &findings,
                    { try CompiledConvention.fixedAmounts(of: costLimits).map { try $0.multiplied(by: rate, rounding: compiled.rounding) } }),
                let cap = (CompiledConvention.fixedAmounts(of: component.limits) + costCaps).min()
            else { continue }
            shares.append(Share(component: component, rate: rate, input: input, cap: cap, rounding: compiled.rounding))
        }
        let up = RoundingPolicy(rule: .awayFromZero, unit: .cent)
        for first in shares {
            guard
                let saturation = Self.computed(
                    "Saturation de « \(first.component.label) »", subject: first.component.id, into: &findings,
                    { try Money(euros: first.cap.euros.divided(by: first.rate), rounding: up) })
            else { continue }
            for second in shares where second.component.id != first.component.id && second.input == first.input {
                guard
                    let (reached, needed, shortfall) = Self.computed(
                        "Plafond de « \(second.component.label) » atteignable", subject: second.component.id, into: &findings,
                        {
                            let reached = try saturation.multiplied(by: second.rate, rounding: second.rounding)
                            let needed = try Money(euros: second.cap.euros.divided(by: second.rate), rounding: up)
                            return (reached, needed, try second.cap - reached)
                        }),
                    reached < second.cap
                else { continue }
                let inputLabel = compiled.convention.inputs.first { $0.key == first.input }?.label ?? first.input
                var message = "« \(second.component.label) » (\(second.rate.frenchPercentage) de \(inputLabel), "
                    + "plafond \(second.cap.french)) n'atteint son plafond qu'à partir de \(needed.french) de "
                    + "\(inputLabel), au-delà du plafond de « \(first.component.label) » (\(saturation.french)) : "
                    + "à ce niveau, \(second.rate.frenchPercentage) × \(saturation.french) = \(reached.french)"
                if let total = Self.computed(
                    "Total atteignable", subject: second.component.id, into: &findings, { try compiled.total - shortfall })
                {
                    message += " ; le total atteint au plus \(total.french) au lieu de \(compiled.total.french)"
                }
                message += ", sauf à calculer la part sur des dépenses supérieures au plafond."
                findings.append(
                    Finding(
                        severity: .warning, code: "total-inatteignable", message: message,
                        subject: second.component.id, clause: second.component.clause))
            }
        }
        return findings
    }
}
