import SubventionCore
import Yams

extension ConventionReader {
    func installments(_ node: Node, what: String) -> [Installment] {
        let items = reader.sequence(node, what: what)
        if node.sequence != nil, items.isEmpty {
            reader.error("\(what) : au moins un versement est attendu", at: node)
        }
        var seen: Set<String> = []
        // One « reste » per financeur (a co-financed convention has one échéancier per financeur).
        var remainders: [String: Int] = [:]
        return items.enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard let installment = installment(item, what: path) else { return nil }
            guard seen.insert(installment.id).inserted else {
                reader.error("\(path).id : versement « \(installment.id) » déjà défini", at: item)
                return nil
            }
            if installment.amount == .remainder {
                remainders[installment.financeur ?? "", default: 0] += 1
                if remainders[installment.financeur ?? "", default: 0] > 1 {
                    reader.error(
                        "\(path) : un seul versement peut prendre le reste (« reste: true »)"
                            + (installment.financeur.map { " par financeur (« \($0) »)" } ?? ""), at: item)
                    return nil
                }
            }
            return installment
        }
    }

    func installment(_ node: Node, what: String) -> Installment? {
        guard
            let map = reader.mapping(
                node,
                allowed: [
                    "id", "libelle", "part", "montant", "reste", "parametre", "declencheurs", "echeance", "deja-verse",
                    "solde", "montant-ecrit", "part-ecrite", "source", "financeur", "condition",
                ], what: what),
            let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(what).id"),
            let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle"),
            let kind = map.exactlyOne(of: ["part", "montant", "reste", "parametre"])
        else { return nil }
        let amount = installmentAmount(map, kind: kind, what: what)
        guard let triggersNode = map.required("declencheurs") else { return nil }
        var triggers: [TriggerEvent] = []
        for item in reader.sequence(triggersNode, what: "\(what).declencheurs") {
            guard let name = reader.text(item, what: "\(what).declencheurs") else { continue }
            guard let trigger = TriggerEvent(rawValue: name) else {
                let names = TriggerEvent.allCases.map(\.rawValue)
                var message = "\(what).declencheurs : déclencheur inconnu « \(name) »"
                if let suggestion = Suggestion.closest(to: name, among: names) {
                    message += " (vouliez-vous dire « \(suggestion) » ?)"
                } else {
                    message += " (déclencheurs possibles : \(names.joined(separator: ", ")))"
                }
                reader.error(message, at: item)
                continue
            }
            triggers.append(trigger)
        }
        if let node = map["condition"], let link = eventLink(node, what: "\(what).condition") {
            triggers.append(TriggerEvent(link: link))
        }
        if triggersNode.sequence?.isEmpty == true {
            reader.error("\(what).declencheurs : au moins un déclencheur est attendu", at: triggersNode)
        }
        guard let amount else { return nil }
        var installment = Installment(
            id: id, label: label, amount: amount, triggers: triggers,
            due: map["echeance"].flatMap { reader.dateRule($0, what: "\(what).echeance") },
            alreadyPaid: map["deja-verse"].flatMap { reader.bool($0, what: "\(what).deja-verse") } ?? false,
            isSettlement: map["solde"].flatMap { reader.bool($0, what: "\(what).solde") } ?? false,
            writtenAmount: map["montant-ecrit"].flatMap { reader.writtenFigure($0, what: "\(what).montant-ecrit") },
            writtenShare: map["part-ecrite"].flatMap { reader.rate($0, what: "\(what).part-ecrite") },
            clause: reader.clause(map["source"], what: what))
        installment.financeur = map["financeur"].flatMap { reader.cofinancer($0, what: "\(what).financeur") }
        return installment
    }

    /// `condition: { convention: convention-a, evenement: rapport-remis }`: an event of another convention the
    /// échéance waits for (convention liée). Whether that convention knows the event is checked where both are read.
    func eventLink(_ node: Node, what: String) -> EventLink? {
        guard let map = reader.mapping(node, allowed: ["convention", "evenement"], what: what),
            let conventionNode = map.required("convention"),
            let convention = reader.identifier(conventionNode, what: "\(what).convention"),
            let eventNode = map.required("evenement"),
            let event = reader.identifier(eventNode, what: "\(what).evenement")
        else { return nil }
        return EventLink(convention: convention, event: event, position: reader.position(of: eventNode))
    }

    func installmentAmount(_ map: Mapping, kind: String, what: String) -> InstallmentAmount? {
        switch kind {
        case "part":
            return map["part"].flatMap { reader.rate($0, what: "\(what).part") }.map(InstallmentAmount.share)
        case "montant":
            return map["montant"].flatMap { reader.money($0, what: "\(what).montant") }.map(InstallmentAmount.fixed)
        case "reste":
            guard let flag = map["reste"].flatMap({ reader.bool($0, what: "\(what).reste") }) else { return nil }
            guard flag else {
                reader.error("\(what).reste : seul « reste: true » a un sens", at: map["reste"])
                return nil
            }
            return .remainder
        default:
            return map["parametre"].flatMap { reader.identifier($0, what: "\(what).parametre") }
                .map(InstallmentAmount.parameter)
        }
    }
}
