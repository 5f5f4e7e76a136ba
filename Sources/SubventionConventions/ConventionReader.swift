import SubventionCore
import Yams

/// Reads the `convention:` section of a convention file (and the shared terms of a programme's models).
struct ConventionReader {
    let reader: NodeReader

    static let identityKeys = [
        "id", "titre", "financeur", "beneficiaire", "objet", "territoire", "composantes", "imputation", "publication",
        "cofinanceurs",
    ]
    static let termKeys = [
        "document", "deliberations", "periode", "arrondi", "unites", "montant", "entrees", "parametres",
        "reglement", "echeancier", "majoration", "obligations", "taux-indicatifs", "remarques", "avenants", "vie",
        "evenements",
    ]

    /// A full convention.
    func convention(_ node: Node) -> Convention? {
        guard let map = reader.mapping(node, allowed: Self.identityKeys + Self.termKeys, what: "convention") else {
            return nil
        }
        var convention = Convention(id: "", title: "", financeur: "", beneficiaire: "")
        if let node = map["cofinanceurs"] { convention.cofinancers = cofinancers(node, what: "convention.cofinanceurs") }
        reader.cofinancers = convention.cofinancers.map(\.id)
        readIdentity(map, into: &convention)
        readImputation(map, into: &convention, what: "convention")
        readTerms(map, into: &convention, what: "convention")
        if let node = map.required("composantes") {
            convention.components = components(node, what: "convention.composantes")
            if convention.components.isEmpty, node.sequence?.isEmpty == true {
                reader.error("convention.composantes : au moins une composante est attendue", at: node)
            }
        }
        if map["echeancier"] == nil {
            reader.error("convention : clé « echeancier » manquante (au moins un versement)", at: node)
        }
        if convention.isCofinanced { checkCofinancing(convention, map: map) }
        return convention
    }

    /// `cofinanceurs: [ { id: etat, nom: État, montant: { valeur: 350 762 €, source: … } }, … ]`.
    func cofinancers(_ node: Node, what: String) -> [Cofinancer] {
        var seen: Set<String> = []
        let items = reader.sequence(node, what: what)
        if node.sequence != nil, items.count < 2 {
            reader.error("\(what) : au moins deux financeurs sont attendus (un seul s'écrit « financeur: »)", at: node)
        }
        return items.enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard let map = reader.mapping(item, allowed: ["id", "nom", "montant", "source"], what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id"),
                let nameNode = map.required("nom"), let name = reader.text(nameNode, what: "\(path).nom")
            else { return nil }
            guard seen.insert(id).inserted else {
                reader.error("\(path).id : financeur « \(id) » déjà déclaré", at: idNode)
                return nil
            }
            return Cofinancer(
                id: id, name: name,
                declaredTotal: map.required("montant").flatMap { reader.writtenFigure($0, what: "\(path).montant") },
                clause: reader.clause(map["source"], what: path))
        }
    }

    /// In a co-financed convention every component and installment names its financeur; what the engine does
    /// not split by financeur yet (avenants, majoration) is refused rather than computed wrong.
    func checkCofinancing(_ convention: Convention, map: Mapping) {
        for (index, component) in convention.components.enumerated() where component.financeur == nil {
            reader.error(
                "convention.composantes[\(index + 1)] : « \(component.id) » doit nommer son financeur "
                    + "(« financeur: », parmi \(reader.cofinancers.joined(separator: ", ")))", at: map["composantes"])
        }
        for (index, installment) in convention.installments.enumerated() where installment.financeur == nil {
            reader.error(
                "convention.echeancier[\(index + 1)] : « \(installment.id) » doit nommer son financeur "
                    + "(« financeur: », parmi \(reader.cofinancers.joined(separator: ", ")))", at: map["echeancier"])
        }
        for cofinancer in convention.cofinancers
        where !convention.installments.contains(where: { $0.financeur == cofinancer.id }) {
            reader.error(
                "convention.echeancier : aucun versement pour le financeur « \(cofinancer.id) »", at: map["echeancier"])
        }
        for key in ["avenants", "majoration"] {
            if let node = map[key] {
                reader.error(
                    "convention.\(key) : pas encore pris en charge dans une convention cofinancée (chaque financeur "
                        + "a son échéancier) ; écrivez une convention par financeur", at: node)
            }
        }
    }

    func readIdentity(_ map: Mapping, into convention: inout Convention) {
        if let node = map.required("id"), let id = reader.identifier(node, what: "convention.id") {
            convention.id = id
        }
        for (key, path) in [("titre", \Convention.title), ("financeur", \.financeur), ("beneficiaire", \.beneficiaire)] {
            if let node = map.required(key), let value = reader.text(node, what: "convention.\(key)") {
                convention[keyPath: path] = value
            }
        }
        convention.object = map["objet"].flatMap { reader.text($0, what: "convention.objet") }
        convention.territory = map["territoire"].flatMap { reader.text($0, what: "convention.territoire") }
        if let node = map["publication"] { convention.publication = publication(node, what: "convention.publication") }
    }

    /// Reads the keys a convention shares with a programme's model.
    func readTerms(_ map: Mapping, into convention: inout Convention, what: String) {
        if let node = map["document"], let document = reader.text(node, what: "\(what).document") {
            convention.document = document
            reader.defaultDocument = document
        }
        if let node = map["unites"] { declareUnits(node, what: "\(what).unites") }
        if let node = map["evenements"] { convention.declaredEvents = declaredEvents(node, what: "\(what).evenements") }
        reader.eventVocabulary = convention.eventVocabulary
        if let node = map["deliberations"] { convention.deliberations = deliberations(node, what: "\(what).deliberations") }
        if let node = map["periode"] { convention.period = period(node, what: "\(what).periode") }
        if let node = map["arrondi"], let policy = reader.rounding(node, what: "\(what).arrondi") {
            convention.rounding = policy
        }
        if let node = map["montant"] {
            convention.declaredTotal = totalFigure(node, what: "\(what).montant", elsewhere: &convention.totalWrittenElsewhere)
        }
        if let node = map["entrees"] {
            convention.inputs = inputs(node, what: "\(what).entrees")
            for input in convention.inputs { reader.declaredInputs[input.key] = input.kind }
        }
        if let node = map["parametres"] { convention.parameters = parameters(node, what: "\(what).parametres") }
        if let node = map["reglement"], let terms = settlement(node, what: "\(what).reglement") {
            convention.settlement = terms
        }
        if let node = map["echeancier"] { convention.installments = installments(node, what: "\(what).echeancier") }
        if let node = map["majoration"] { convention.majoration = majoration(node, what: "\(what).majoration") }
        if let node = map["obligations"] { convention.obligations = obligations(node, what: "\(what).obligations") }
        if let node = map["taux-indicatifs"] {
            convention.indicativeRates = indicativeRates(node, what: "\(what).taux-indicatifs")
        }
        if let node = map["remarques"] { convention.notes = notes(node, what: "\(what).remarques") }
        if let node = map["avenants"] { convention.amendments = amendments(node, what: "\(what).avenants") }
        if let node = map["vie"] { convention.lifecycle = lifecycle(node, what: "\(what).vie") }
    }

    /// `evenements: { bilan-traite: Bilan traité par le Département, comptes-recus: { libelle: …, source: … } }`.
    func declaredEvents(_ node: Node, what: String) -> [EventDeclaration] {
        guard let pairs = node.mapping else {
            reader.error("\(what) : un dictionnaire (événement: libellé) est attendu", at: node)
            return []
        }
        var declared: [EventDeclaration] = []
        for (keyNode, value) in pairs {
            guard let id = reader.identifier(keyNode, what: what) else { continue }
            guard !Convention.commonEvents.contains(id) else {
                reader.error("\(what) : « \(id) » est un événement commun à toutes les conventions, à ne pas déclarer", at: keyNode)
                continue
            }
            guard !declared.contains(where: { $0.id == id }) else {
                reader.error("\(what) : événement « \(id) » déjà déclaré", at: keyNode)
                continue
            }
            if value.scalar != nil {
                guard let label = reader.text(value, what: "\(what).\(id)") else { continue }
                declared.append(EventDeclaration(id: id, label: label))
                continue
            }
            guard let map = reader.mapping(value, allowed: ["libelle", "source"], what: "\(what).\(id)"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).\(id).libelle")
            else { continue }
            declared.append(
                EventDeclaration(id: id, label: label, clause: reader.clause(map["source"], what: "\(what).\(id)")))
        }
        return declared
    }

    func declareUnits(_ node: Node, what: String) {
        for item in reader.sequence(node, what: what) {
            guard let name = reader.text(item, what: what) else { continue }
            guard !name.contains(" "), name != "€", name != "%" else {
                reader.error("\(what) : un nom d'unité sans espace est attendu, « \(name) » trouvé", at: item)
                continue
            }
            let unit = QuantityUnit(name)
            reader.units[name] = unit
            reader.units[unit.name(forCount: Rational(2))] = unit
        }
    }

    func deliberations(_ node: Node, what: String) -> [Deliberation] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard let map = reader.mapping(item, allowed: ["instance", "numero", "date", "source"], what: path),
                let bodyNode = map.required("instance"), let body = reader.text(bodyNode, what: "\(path).instance")
            else { return nil }
            _ = reader.clause(map["source"], what: path)
            return Deliberation(
                body: body, number: map["numero"].flatMap { reader.text($0, what: "\(path).numero") },
                date: map["date"].flatMap { reader.date($0, what: "\(path).date") })
        }
    }

    func period(_ node: Node, what: String) -> Period? {
        guard let map = reader.mapping(node, allowed: ["debut", "fin", "source"], what: what),
            let startNode = map.required("debut"), let endNode = map.required("fin"),
            let start = reader.date(startNode, what: "\(what).debut"), let end = reader.date(endNode, what: "\(what).fin")
        else { return nil }
        // The citation is not kept in the model, but it is checked like every other (no unknown key passes).
        _ = reader.clause(map["source"], what: what)
        guard start <= end else {
            reader.error("\(what) : la fin (\(end.frenchShort)) précède le début (\(start.frenchShort))", at: endNode)
            return nil
        }
        return Period(start: start, end: end)
    }

    /// `montant: { valeur, source, ecrit-ailleurs: [...] }`.
    func totalFigure(_ node: Node, what: String, elsewhere: inout [WrittenFigure]) -> WrittenFigure? {
        if node.scalar != nil { return reader.writtenFigure(node, what: what) }
        guard let map = reader.mapping(node, allowed: ["valeur", "source", "ecrit-ailleurs"], what: what),
            let valueNode = map.required("valeur"), let amount = reader.money(valueNode, what: "\(what).valeur")
        else { return nil }
        elsewhere = reader.writtenFigures(map["ecrit-ailleurs"], what: "\(what).ecrit-ailleurs")
        return WrittenFigure(
            amount, clause: reader.clause(map["source"], what: what), position: reader.position(of: valueNode))
    }

    func inputs(_ node: Node, what: String) -> [InputDeclaration] {
        guard let pairs = node.mapping else {
            reader.error("\(what) : un dictionnaire d'entrées est attendu", at: node)
            return []
        }
        return pairs.compactMap { keyNode, value in
            guard let key = reader.identifier(keyNode, what: what) else { return nil }
            let path = "\(what).\(key)"
            guard let map = reader.mapping(value, allowed: ["libelle", "type", "unite", "source"], what: path),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(path).libelle")
            else { return nil }
            let kind: InputDeclaration.Kind
            switch (map["type"], map["unite"]) {
            case (let typeNode?, nil):
                guard reader.text(typeNode, what: "\(path).type") == "montant" else {
                    reader.error("\(path).type : « montant » est attendu (ou « unite: » pour une quantité)", at: typeNode)
                    return nil
                }
                kind = .money
            case (nil, let unitNode?):
                guard let name = reader.text(unitNode, what: "\(path).unite"),
                    let unit = reader.unit(named: Substring(name), at: unitNode, what: "\(path).unite")
                else { return nil }
                kind = .quantity(unit)
            default:
                reader.error("\(path) : il faut « type: montant » ou « unite: UNITÉ », pas les deux ni aucun", at: value)
                return nil
            }
            return InputDeclaration(key: key, label: label, kind: kind, clause: reader.clause(map["source"], what: path))
        }
    }

    func parameters(_ node: Node, what: String) -> [String: String] {
        guard let pairs = node.mapping else {
            reader.error("\(what) : un dictionnaire (clé: libellé) est attendu", at: node)
            return [:]
        }
        var result: [String: String] = [:]
        for (keyNode, value) in pairs {
            guard let key = reader.identifier(keyNode, what: what),
                let label = reader.text(value, what: "\(what).\(key)")
            else { continue }
            result[key] = label
        }
        return result
    }

    func majoration(_ node: Node, what: String) -> Majoration? {
        guard let map = reader.mapping(node, allowed: ["part-maximum", "condition", "source"], what: what),
            let shareNode = map.required("part-maximum"), let conditionNode = map.required("condition"),
            let share = reader.rate(shareNode, what: "\(what).part-maximum"),
            let condition = reader.text(conditionNode, what: "\(what).condition")
        else { return nil }
        return Majoration(maximumShare: share, condition: condition, clause: reader.clause(map["source"], what: what))
    }

    func obligations(_ node: Node, what: String) -> [Obligation] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(
                    item, allowed: ["id", "libelle", "partie", "echeance", "accomplie-par", "consequence", "source"],
                    what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(path).libelle"),
                let partyNode = map.required("partie"), let partyText = reader.text(partyNode, what: "\(path).partie"),
                let dueNode = map.required("echeance")
            else { return nil }
            guard let party = Party(rawValue: partyText) else {
                reader.error("\(path).partie : « beneficiaire » ou « financeur » est attendu", at: partyNode)
                return nil
            }
            guard let due = reader.dateRule(dueNode, what: "\(path).echeance") else { return nil }
            return Obligation(
                id: id, label: label, party: party, due: due,
                fulfilledBy: map["accomplie-par"].flatMap { reader.event($0, what: "\(path).accomplie-par") },
                consequence: map["consequence"].flatMap { reader.text($0, what: "\(path).consequence") },
                clause: reader.clause(map["source"], what: path))
        }
    }

    func indicativeRates(_ node: Node, what: String) -> [IndicativeRate] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(item, allowed: ["prix-unitaire", "minimum", "maximum", "source"], what: path),
                let priceNode = map.required("prix-unitaire"), let minimumNode = map.required("minimum"),
                let maximumNode = map.required("maximum"),
                let price = reader.unitPrice(priceNode, what: "\(path).prix-unitaire"),
                let minimum = reader.quantity(minimumNode, what: "\(path).minimum"),
                let maximum = reader.quantity(maximumNode, what: "\(path).maximum")
            else { return nil }
            guard minimum.unit == price.unit, maximum.unit == price.unit else {
                reader.error("\(path) : le minimum et le maximum doivent être en « \(price.unit.name) »", at: item)
                return nil
            }
            return IndicativeRate(
                price: price, minimum: minimum, maximum: maximum, clause: reader.clause(map["source"], what: path))
        }
    }

    func notes(_ node: Node, what: String) -> [DocumentNote] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard let map = reader.mapping(item, allowed: ["gravite", "constat", "lecture", "source"], what: path),
                let messageNode = map.required("constat"), let message = reader.text(messageNode, what: "\(path).constat")
            else { return nil }
            var severity = Severity.warning
            if let severityNode = map["gravite"], let text = reader.text(severityNode, what: "\(path).gravite") {
                switch text {
                case "info": severity = .info
                case "avertissement": severity = .warning
                case "erreur": severity = .error
                default:
                    reader.error("\(path).gravite : « info », « avertissement » ou « erreur » est attendu", at: severityNode)
                    return nil
                }
            }
            return DocumentNote(
                severity: severity, message: message,
                reading: map["lecture"].flatMap { reader.text($0, what: "\(path).lecture") },
                clause: reader.clause(map["source"], what: path))
        }
    }

    func amendments(_ node: Node, what: String) -> [Amendment] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(
                    item, allowed: ["id", "libelle", "effet", "montant", "composantes", "echeancier", "reglement", "source"],
                    what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(path).libelle"),
                let effectNode = map.required("effet"), let effective = reader.date(effectNode, what: "\(path).effet")
            else { return nil }
            return Amendment(
                id: id, label: label, effective: effective,
                declaredTotal: map["montant"].flatMap { reader.writtenFigure($0, what: "\(path).montant") },
                components: map["composantes"].map { components($0, what: "\(path).composantes") },
                installments: map["echeancier"].map { installments($0, what: "\(path).echeancier") },
                settlement: map["reglement"].flatMap { settlement($0, what: "\(path).reglement") },
                clause: reader.clause(map["source"], what: path))
        }
    }
}
