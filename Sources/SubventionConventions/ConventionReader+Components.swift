import SubventionCore
import Yams

extension ConventionReader {
    func components(_ node: Node, what: String) -> [Component] {
        var seen: Set<String> = []
        return reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard let component = component(item, what: path) else { return nil }
            guard seen.insert(component.id).inserted else {
                reader.error("\(path).id : composante « \(component.id) » déjà définie", at: item)
                return nil
            }
            return component
        }
    }

    func component(_ node: Node, what: String) -> Component? {
        guard
            let map = reader.mapping(
                node,
                allowed: [
                    "id", "libelle", "base", "plafonds", "montant-ecrit", "ecrit-ailleurs", "arrondi", "source", "imputation",
                    "financeur",
                ],
                what: what),
            let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(what).id"),
            let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle"),
            let baseNode = map.required("base")
        else { return nil }
        let rounding = map["arrondi"].flatMap { reader.rounding($0, what: "\(what).arrondi") }
        guard let basis = basis(baseNode, what: "\(what).base") else { return nil }
        var component = Component(
            id: id, label: label, basis: basis,
            limits: map["plafonds"].map { limits($0, what: "\(what).plafonds") } ?? [],
            writtenAmount: map["montant-ecrit"].flatMap { reader.writtenFigure($0, what: "\(what).montant-ecrit") },
            writtenElsewhere: reader.writtenFigures(map["ecrit-ailleurs"], what: "\(what).ecrit-ailleurs"),
            rounding: rounding, clause: reader.clause(map["source"], what: what))
        readImputation(map, into: &component, what: what)
        component.financeur = map["financeur"].flatMap { reader.cofinancer($0, what: "\(what).financeur") }
        return component
    }

    func basis(_ node: Node, what: String) -> FundingBasis? {
        guard
            let map = reader.mapping(
                node, allowed: ["montant-fixe", "prix-unitaire", "quantite", "part-du-cout", "enveloppe"], what: what),
            let kind = map.exactlyOne(of: ["montant-fixe", "prix-unitaire", "part-du-cout", "enveloppe"])
        else { return nil }
        if kind != "prix-unitaire", let quantity = map["quantite"] {
            reader.error("\(what).quantite : ne va qu'avec « prix-unitaire »", at: quantity)
        }
        switch kind {
        case "montant-fixe":
            return map["montant-fixe"].flatMap { reader.money($0, what: "\(what).montant-fixe") }.map(FundingBasis.fixed)
        case "prix-unitaire":
            guard let priceNode = map["prix-unitaire"], let quantityNode = map.required("quantite"),
                let price = reader.unitPrice(priceNode, what: "\(what).prix-unitaire"),
                let quantity = reader.quantity(quantityNode, what: "\(what).quantite")
            else { return nil }
            guard price.unit == quantity.unit else {
                reader.error(
                    "\(what).quantite : \(price) × \(quantity) : unités incompatibles (« \(price.unit.name) » attendu)",
                    at: quantityNode)
                return nil
            }
            return .unitRate(price: price, quantity: quantity)
        case "part-du-cout":
            guard let shareNode = map["part-du-cout"],
                let share = reader.mapping(
                    shareNode, allowed: ["taux", "cout", "cout-prevu", "plafonds-du-cout"], what: "\(what).part-du-cout"),
                let rateNode = share.required("taux"), let costNode = share.required("cout"),
                let rate = reader.rate(rateNode, what: "\(what).part-du-cout.taux"),
                let cost = reader.identifier(costNode, what: "\(what).part-du-cout.cout"),
                reader.checkInput(cost, expecting: .money, at: costNode, what: "\(what).part-du-cout.cout")
            else { return nil }
            return .costShare(
                rate: rate, costInput: cost,
                plannedCost: share["cout-prevu"].flatMap { reader.money($0, what: "\(what).part-du-cout.cout-prevu") },
                costLimits: share["plafonds-du-cout"].map { limits($0, what: "\(what).part-du-cout.plafonds-du-cout") }
                    ?? [])
        default:
            guard let envelopeNode = map["enveloppe"],
                let envelope = reader.mapping(envelopeNode, allowed: ["maximum", "justifiee-avant"], what: "\(what).enveloppe"),
                let maximumNode = envelope.required("maximum"),
                let maximum = reader.money(maximumNode, what: "\(what).enveloppe.maximum")
            else { return nil }
            let deadline = envelope["justifiee-avant"].flatMap {
                reader.dateRule($0, what: "\(what).enveloppe.justifiee-avant")
            }
            return .envelope(maximum: maximum, justifiedBy: deadline)
        }
    }

    func limits(_ node: Node, what: String) -> [Limit] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            limit(item, what: "\(what)[\(index + 1)]")
        }
    }

    /// A ceiling; `rowObjective` allows `objectif: quantite-de-la-ligne` (programme models).
    func limit(_ node: Node, what: String, rowObjective: Bool = false) -> Limit? {
        guard
            let map = reader.mapping(
                node, allowed: ["montant", "entree", "part", "prorata", "prix-unitaire", "quantite", "libelle", "source"],
                what: what),
            let kind = map.exactlyOne(of: ["montant", "entree", "prorata", "prix-unitaire"])
        else { return nil }
        let clause = reader.clause(map["source"], what: what)
        let label = map["libelle"].flatMap { reader.text($0, what: "\(what).libelle") }
        if kind != "entree", let share = map["part"] { reader.error("\(what).part : ne va qu'avec « entree »", at: share) }
        if kind != "prix-unitaire", let quantity = map["quantite"] {
            reader.error("\(what).quantite : ne va qu'avec « prix-unitaire »", at: quantity)
        }
        switch kind {
        case "montant":
            guard let amount = map["montant"].flatMap({ reader.money($0, what: "\(what).montant") }) else { return nil }
            return Limit(
                .amount(amount), label: label ?? "plafond de \(amount.french)", clause: clause,
                position: reader.position(of: map["montant"]))
        case "entree":
            guard let keyNode = map["entree"], let key = reader.identifier(keyNode, what: "\(what).entree"),
                reader.checkInput(key, expecting: .money, at: keyNode, what: "\(what).entree")
            else { return nil }
            var share = Rational(1)
            if let shareNode = map["part"] {
                guard let value = reader.rate(shareNode, what: "\(what).part") else { return nil }
                share = value
            }
            let defaultLabel = share == Rational(1) ? "« \(key) »" : "\(share.frenchPercentage) de « \(key) »"
            return Limit(.input(key: key, share: share), label: label ?? defaultLabel, clause: clause)
        case "prorata":
            guard let prorataNode = map["prorata"],
                let prorata = reader.mapping(
                    prorataNode, allowed: ["realise", "objectif", "ratio-maximum"], what: "\(what).prorata"),
                let realisedNode = prorata.required("realise"), let objectiveNode = prorata.required("objectif"),
                let realised = reader.identifier(realisedNode, what: "\(what).prorata.realise"),
                reader.checkInput(realised, expecting: nil, at: realisedNode, what: "\(what).prorata.realise")
            else { return nil }
            var maximumRatio = Rational(1)
            if let ratioNode = prorata["ratio-maximum"] {
                guard let ratio = reader.rate(ratioNode, what: "\(what).prorata.ratio-maximum", maximum: nil) else {
                    return nil
                }
                maximumRatio = ratio
            }
            let objective: Quantity?
            if objectiveNode.scalar?.string == "quantite-de-la-ligne" {
                guard rowObjective else {
                    reader.error(
                        "\(what).prorata.objectif : « quantite-de-la-ligne » n'existe que dans les modèles d'un programme",
                        at: objectiveNode)
                    return nil
                }
                objective = nil
            } else {
                guard let quantity = reader.quantity(objectiveNode, what: "\(what).prorata.objectif"),
                    reader.checkInput(
                        realised, expecting: .quantity(quantity.unit), at: realisedNode, what: "\(what).prorata.realise")
                else { return nil }
                guard quantity.value > .zero else {
                    reader.error("\(what).prorata.objectif : un objectif positif est attendu", at: objectiveNode)
                    return nil
                }
                objective = quantity
            }
            return Limit(
                .prorata(realised: realised, objective: objective, maximumRatio: maximumRatio),
                label: label ?? "prorata de la réalisation", clause: clause)
        default:
            guard let priceNode = map["prix-unitaire"], let quantityNode = map.required("quantite"),
                let price = reader.unitPrice(priceNode, what: "\(what).prix-unitaire"),
                let key = reader.identifier(quantityNode, what: "\(what).quantite"),
                reader.checkInput(key, expecting: .quantity(price.unit), at: quantityNode, what: "\(what).quantite")
            else { return nil }
            return Limit(.perUnit(price: price, quantity: key), label: label ?? "\(price) × « \(key) »", clause: clause)
        }
    }

    func settlement(_ node: Node, what: String) -> SettlementTerms? {
        guard
            let map = reader.mapping(
                node, allowed: ["plafonds-du-total", "plafond-du-solde", "reversement"], what: what)
        else { return nil }
        var terms = SettlementTerms()
        terms.totalLimits = map["plafonds-du-total"].map { limits($0, what: "\(what).plafonds-du-total") } ?? []
        terms.soldeLimit = map["plafond-du-solde"].flatMap { reader.writtenFigure($0, what: "\(what).plafond-du-solde") }
        if let node = map["reversement"],
            let reversement = reader.mapping(node, allowed: ["libelle", "source"], what: "\(what).reversement")
        {
            if let label = reversement["libelle"].flatMap({ reader.text($0, what: "\(what).reversement.libelle") }) {
                terms.reversementLabel = label
            }
            terms.reversementClause = reader.clause(reversement["source"], what: "\(what).reversement")
        }
        return terms
    }
}
