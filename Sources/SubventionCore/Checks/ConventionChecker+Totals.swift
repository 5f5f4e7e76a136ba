extension ConventionChecker {
    /// The declared total against the components, and against the same total written elsewhere.
    func totalFindings() -> [Finding] {
        let convention = compiled.convention
        guard let declared = convention.declaredTotal else { return [] }
        var findings: [Finding] = []
        // Each component counts for the amount the document writes for it, else the most it can pay.
        var ceilings: [Money] = []
        for component in compiled.components {
            if let written = component.component.writtenAmount?.amount {
                ceilings.append(written)
                continue
            }
            guard
                let maximum = Self.computed(
                    "Plafond de « \(component.component.label) »", subject: component.component.id, into: &findings,
                    { try maximum(of: component) })
            else { return findings }
            ceilings.append(maximum?.amount ?? component.conventional)
        }
        let positions = [declared.position].compactMap { $0 }
        let sum: Money
        do {
            sum = try ceilings.sum()
        } catch {
            return [
                Finding(
                    severity: .error, code: "total-composantes",
                    message: "La somme des composantes (\(ceilings.map(\.french).joined(separator: " + "))) dépasse "
                        + "les montants représentables : elle ne peut faire le total écrit de \(declared.amount.french).",
                    subject: convention.id, clause: declared.clause)
            ]
        }
        if sum != declared.amount {
            let parts = ceilings.map(\.french).joined(separator: " + ")
            findings.append(
                Finding(
                    severity: .error, code: "total-composantes",
                    message: "Les composantes (\(parts) = \(sum.french)) ne font pas le total écrit de "
                        + "\(declared.amount.french)\(positions.first.map { " (\($0))" } ?? "").",
                    subject: convention.id, clause: declared.clause, positions: positions))
        }
        for elsewhere in convention.totalWrittenElsewhere where elsewhere.amount != declared.amount {
            findings.append(
                Finding(
                    severity: .error, code: "montant-contradictoire",
                    message: "Le total vaut \(declared.amount.french) dans la convention mais "
                        + "\(elsewhere.amount.french) ailleurs dans le document.",
                    subject: convention.id, clause: elsewhere.clause,
                    positions: [elsewhere.position, declared.position].compactMap { $0 }))
        }
        return findings
    }

    /// Installments against their written amounts, their sum against the total, the solde ceiling against the rest.
    func installmentFindings() -> [Finding] {
        let convention = compiled.convention
        var findings: [Finding] = []
        var silent = SilentTrace()
        let parameters = Dictionary(uniqueKeysWithValues: convention.parameters.keys.map { ($0, Money.zero) })
        let amounts: [Money]
        do {
            amounts = try compiled.installmentAmounts(parameters: parameters, total: compiled.total, trace: &silent)
        } catch {
            return [
                Finding(
                    severity: .error, code: "echeancier-invalide",
                    message: "L'échéancier ne peut être calculé : \(error).", subject: convention.id)
            ]
        }
        let shares = convention.installments.compactMap { installment -> Rational? in
            if case .share(let share) = installment.amount { return share }
            return nil
        }
        if let sharesSum = Self.computed(
            "Somme des pourcentages de l'échéancier", subject: convention.id, into: &findings,
            { try shares.reduce(Rational.zero) { try $0.adding($1) } }),
            Rational.one < sharesSum
        {
            findings.append(
                Finding(
                    severity: .error, code: "echeancier-depasse",
                    message: "Les pourcentages de l'échéancier font \(sharesSum.frenchPercentage), plus que 100 %.",
                    subject: convention.id))
        }
        for (installment, amount) in zip(convention.installments, amounts) {
            if let written = installment.writtenAmount, written.amount != amount {
                findings.append(
                    Finding(
                        severity: .error, code: "ecart-echeance",
                        message: "« \(installment.label) » : \(amount.french) calculés ≠ \(written.amount.french) écrits.",
                        subject: installment.id, clause: written.clause ?? installment.clause))
            }
        }
        for (installment, amount) in zip(convention.installments, amounts) {
            guard let share = installment.writtenShare,
                let product = Self.computed(
                    "« \(installment.label) » : part écrite du total", subject: installment.id, clause: installment.clause,
                    into: &findings, { try compiled.total.multiplied(by: share, rounding: convention.rounding) }),
                product != amount
            else { continue }
            findings.append(
                Finding(
                    severity: .warning, code: "ecart-part-ecrite",
                    message: "« \(installment.label) » : \(share.frenchPercentage) × \(compiled.total.french) = "
                        + "\(product.french) ≠ \(amount.french) prévus par l'échéancier ; le pourcentage écrit est approché.",
                    subject: installment.id, clause: installment.clause))
        }
        let hasParameters = convention.installments.contains {
            if case .parameter = $0.amount { return true }
            return false
        }
        let hasRemainder = convention.installments.contains { $0.amount == .remainder }
        findings += fitFindings(amounts)
        // Optional lookup: a sum beyond the range of amounts is already reported by `fitFindings` just above.
        if !hasRemainder, !hasParameters, let sum = try? amounts.sum(), sum != compiled.total {
            findings.append(
                Finding(
                    severity: .error, code: "echeancier-incomplet",
                    message: "Les échéances font \(sum.french) pour un total de \(compiled.total.french).",
                    subject: convention.id))
        }
        if let ceiling = convention.settlement.soldeLimit,
            let index = convention.installments.firstIndex(where: { $0.amount == .remainder })
        {
            let rest = amounts[index]
            if ceiling.amount < rest {
                findings.append(
                    Finding(
                        severity: .warning, code: "plafond-du-solde",
                        message: "Le solde est plafonné à \(ceiling.amount.french) mais l'échéancier en prévoit "
                            + "\(rest.french) : le total ne peut être versé.",
                        subject: convention.installments[index].id, clause: ceiling.clause))
            } else if rest < ceiling.amount {
                findings.append(
                    Finding(
                        severity: .info, code: "plafond-du-solde",
                        message: "Le plafond du solde (\(ceiling.amount.french)) dépasse le reste de l'échéancier "
                            + "(\(rest.french)) : il ne lie jamais.",
                        subject: convention.installments[index].id, clause: ceiling.clause))
            }
        }
        return findings
    }

    /// Each installment within the total, and all of them together: an installment above the total, or a schedule
    /// whose sum exceeds it (the « reste » would then be negative), cannot be paid; a sum that overflows is reported.
    func fitFindings(_ amounts: [Money]) -> [Finding] {
        let convention = compiled.convention
        let total = compiled.total
        var findings: [Finding] = []
        for (installment, amount) in zip(convention.installments, amounts) where amount < .zero || total < amount {
            findings.append(
                Finding(
                    severity: .error, code: "echeance-hors-total",
                    message: "« \(installment.label) » : \(amount.french) "
                        + (amount < .zero ? "est négatif" : "dépasse le total de \(total.french)")
                        + " : l'échéancier ne peut être versé.",
                    subject: installment.id, clause: installment.clause))
        }
        let positive = amounts.filter { $0 > .zero }
        do {
            let sum = try positive.sum()
            if total < sum {
                findings.append(
                    Finding(
                        severity: .error, code: "echeancier-depasse-total",
                        message: "Les échéances font \(sum.french), plus que le total de \(total.french).",
                        subject: convention.id))
            }
        } catch {
            findings.append(
                Finding(
                    severity: .error, code: "echeancier-depasse-total",
                    message: "La somme des échéances dépasse les montants représentables (total \(total.french)).",
                    subject: convention.id))
        }
        return findings
    }

    /// Indicative unit prices against the total (never applied, only compared).
    func indicativeRateFindings() -> [Finding] {
        let convention = compiled.convention
        var findings: [Finding] = []
        for rate in convention.indicativeRates {
            guard
                let (low, high) = Self.computed(
                    "Taux indicatif \(rate.price)", subject: convention.id, clause: rate.clause, into: &findings,
                    {
                        (try rate.price.times(rate.minimum, rounding: .nearestCent),
                         try rate.price.times(rate.maximum, rounding: .nearestCent))
                    }),
                compiled.total < low || high < compiled.total
            else { continue }
            // Optional lookup: the quantity the total implies, a hint in the finding (none for a price of zero).
            let implied = (try? compiled.total.euros.divided(by: rate.price.euros))
                .map { " ; le total correspond à \($0.french(maximumFractionDigits: 2)) \(rate.price.unit.name(forCount: $0))" } ?? ""
            findings.append(
                Finding(
                    severity: .warning, code: "taux-indicatif",
                    message: "\(rate.price) × \(rate.minimum)…\(rate.maximum) = \(low.french)…\(high.french), loin du "
                        + "total de \(compiled.total.french)\(implied) : le taux est indicatif, il n'est pas la base du montant.",
                    subject: convention.id, clause: rate.clause))
        }
        return findings
    }
}
