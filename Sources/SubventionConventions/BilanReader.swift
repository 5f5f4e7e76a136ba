import SubventionCore
import Yams

/// Reads the `bilan:` section of a bilan file against the convention it is for (its inputs and units).
struct BilanReader {
    let reader: NodeReader
    let convention: Convention
    /// Whether the section must name its convention (bilan files do; scenarios name it elsewhere).
    var namesConvention = true

    func bilan(_ node: Node) -> BilanFile? {
        guard
            let map = reader.mapping(
                node,
                allowed: [
                    "convention", "structure", "operation", "evenements", "valeurs", "versements", "majoration", "justificatifs",
                    "parametres",
                ], what: "bilan")
        else { return nil }
        var id = convention.id
        if namesConvention || map["convention"] != nil {
            guard let idNode = map.required("convention"), let named = reader.identifier(idNode, what: "bilan.convention")
            else { return nil }
            if named != convention.id {
                reader.error("bilan.convention : ce bilan est pour « \(named) », pas pour « \(convention.id) »", at: idNode)
            }
            id = named
        }
        var bilan = Bilan()
        if let node = map["evenements"] { bilan.events = events(node) }
        if let node = map["valeurs"] { bilan.values = values(node) }
        if let node = map["versements"] { bilan.payments = payments(node) }
        if let node = map["majoration"] { bilan.majoration = reader.money(node, what: "bilan.majoration") }
        if let node = map["justificatifs"] { bilan.justifications = justifications(node) }
        if let node = map["parametres"] { bilan.parameters = parameters(node) }
        return BilanFile(
            conventionID: id, structure: map["structure"].flatMap { reader.text($0, what: "bilan.structure") },
            operation: map["operation"].flatMap { reader.text($0, what: "bilan.operation") }, bilan: bilan)
    }

    func events(_ node: Node) -> [String: CalendarDate] {
        guard let pairs = node.mapping else {
            reader.error("bilan.evenements : un dictionnaire (événement: date) est attendu", at: node)
            return [:]
        }
        var events: [String: CalendarDate] = [:]
        for (keyNode, value) in pairs {
            guard let name = reader.event(keyNode, what: "bilan.evenements", vocabulary: convention.eventVocabulary),
                let date = reader.date(value, what: "bilan.evenements.\(name)")
            else { continue }
            events[name] = date
        }
        return events
    }

    func values(_ node: Node) -> [String: InputValue] {
        guard let pairs = node.mapping else {
            reader.error("bilan.valeurs : un dictionnaire (entrée: valeur) est attendu", at: node)
            return [:]
        }
        let declared = Dictionary(convention.inputs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: InputValue] = [:]
        for (keyNode, value) in pairs {
            guard let key = reader.identifier(keyNode, what: "bilan.valeurs") else { continue }
            guard let input = declared[key] else {
                var message = "bilan.valeurs : entrée « \(key) » inconnue de la convention « \(convention.id) »"
                if let suggestion = Suggestion.closest(to: key, among: Array(declared.keys)) {
                    message += " (vouliez-vous dire « \(suggestion) » ?)"
                } else if !declared.isEmpty {
                    message += " (entrées : \(declared.keys.sorted().joined(separator: ", ")))"
                }
                reader.contradictions += 1
                reader.error(message, at: keyNode)
                continue
            }
            switch input.kind {
            case .money:
                if let amount = reader.money(value, what: "bilan.valeurs.\(key)") { values[key] = .money(amount) }
            case .quantity(let unit):
                if let quantity = quantity(value, unit: unit, what: "bilan.valeurs.\(key)") {
                    values[key] = .quantity(quantity)
                }
            }
        }
        return values
    }

    /// A quantity in `unit`: `120 places`, `1,5 ETP`, or a bare number meaning that unit.
    func quantity(_ node: Node, unit: QuantityUnit, what: String) -> Quantity? {
        guard let text = reader.text(node, what: what) else { return nil }
        let names = [unit.name, unit.name(forCount: Rational(2))]
        do {
            let value = try Rational(parsingDecimal: text, suffixes: names)
            guard value >= .zero else {
                reader.error("\(what) : une quantité positive est attendue", at: node)
                return nil
            }
            return Quantity(value, unit)
        } catch {
            reader.error("\(what) : une quantité en « \(unit.name) » est attendue — \(error)", at: node)
            return nil
        }
    }

    func payments(_ node: Node) -> [Payment] {
        let ids = Set(convention.installments.map(\.id) + convention.amendments.flatMap { $0.installments ?? [] }.map(\.id))
        return reader.sequence(node, what: "bilan.versements").enumerated().compactMap { index, item in
            let path = "bilan.versements[\(index + 1)]"
            guard let map = reader.mapping(item, allowed: ["echeance", "montant", "date"], what: path),
                let amountNode = map.required("montant"), let amount = reader.money(amountNode, what: "\(path).montant")
            else { return nil }
            let installment = map["echeance"].flatMap { reader.identifier($0, what: "\(path).echeance") }
            if convention.isCofinanced, installment == nil {
                reader.contradictions += 1
                reader.error(
                    "\(path) : dans une convention cofinancée, chaque versement nomme son échéance (« echeance: ») : "
                        + "elle dit quel financeur a versé", at: item)
                return nil
            }
            if let installment, !ids.contains(installment), let node = map["echeance"] {
                reader.contradictions += 1
                reader.error(
                    "\(path).echeance : versement « \(installment) » inconnu de l'échéancier (\(ids.sorted().joined(separator: ", ")))",
                    at: node)
                return nil
            }
            return Payment(
                installment: installment, amount: amount, date: map["date"].flatMap { reader.date($0, what: "\(path).date") })
        }
    }

    func justifications(_ node: Node) -> [Justification] {
        let components = Set(convention.components.map(\.id))
        return reader.sequence(node, what: "bilan.justificatifs").enumerated().compactMap { index, item in
            let path = "bilan.justificatifs[\(index + 1)]"
            guard
                let map = reader.mapping(item, allowed: ["composante", "montant", "date", "libelle"], what: path),
                let componentNode = map.required("composante"), let amountNode = map.required("montant"),
                let dateNode = map.required("date"),
                let component = reader.identifier(componentNode, what: "\(path).composante"),
                let amount = reader.money(amountNode, what: "\(path).montant"),
                let date = reader.date(dateNode, what: "\(path).date")
            else { return nil }
            guard components.contains(component) else {
                reader.error("\(path).composante : composante « \(component) » inconnue", at: componentNode)
                return nil
            }
            return Justification(
                component: component, amount: amount, date: date,
                label: map["libelle"].flatMap { reader.text($0, what: "\(path).libelle") })
        }
    }

    func parameters(_ node: Node) -> [String: Money] {
        guard let pairs = node.mapping else {
            reader.error("bilan.parametres : un dictionnaire (paramètre: montant) est attendu", at: node)
            return [:]
        }
        var result: [String: Money] = [:]
        for (keyNode, value) in pairs {
            guard let key = reader.identifier(keyNode, what: "bilan.parametres") else { continue }
            guard convention.parameters[key] != nil else {
                reader.error(
                    "bilan.parametres : paramètre « \(key) » inconnu de la convention (\(convention.parameters.keys.sorted().joined(separator: ", ")))",
                    at: keyNode)
                continue
            }
            if let amount = reader.money(value, what: "bilan.parametres.\(key)") { result[key] = amount }
        }
        return result
    }
}
