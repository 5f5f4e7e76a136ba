import SubventionCSV
import SubventionCore
import Yams

/// Reads the `programme:` section of a programme file, and its structures table through libcsv.
struct ProgrammeReader {
    let reader: NodeReader
    /// Reads the table file named by `tableau.fichier` (resolved relative to the programme file).
    let readTable: (String) throws(CSVError) -> TableFile

    func programme(_ node: Node) -> LoadedProgramme? {
        guard
            let map = reader.mapping(
                node,
                allowed: [
                    "id", "titre", "financeur", "document", "deliberations", "periode", "totaux", "unites", "modeles",
                    "operations", "tableau", "remarques", "publication",
                ], what: "programme"),
            let idNode = map.required("id"), let id = reader.identifier(idNode, what: "programme.id"),
            let titleNode = map.required("titre"), let title = reader.text(titleNode, what: "programme.titre"),
            let funderNode = map.required("financeur"), let funder = reader.text(funderNode, what: "programme.financeur")
        else { return nil }
        let terms = ConventionReader(reader: reader)
        let document = map["document"].flatMap { reader.text($0, what: "programme.document") }
        reader.defaultDocument = document
        if let node = map["unites"] { terms.declareUnits(node, what: "programme.unites") }
        let period = map["periode"].flatMap { terms.period($0, what: "programme.periode") }
        var models: [String: ConventionModel] = [:]
        if let node = map.required("modeles"), let pairs = node.mapping {
            for (keyNode, value) in pairs {
                guard let key = reader.identifier(keyNode, what: "programme.modeles") else { continue }
                if let model = model(value, key: key, funder: funder, period: period, document: document) {
                    models[key] = model
                }
            }
        } else if let node = map["modeles"] {
            reader.error("programme.modeles : un dictionnaire de modèles est attendu", at: node)
        }
        let operations = map.required("operations").map { self.operations($0, models: models) } ?? []
        var programme = Programme(
            id: id, title: title, financeur: funder, document: document,
            deliberations: map["deliberations"].map { terms.deliberations($0, what: "programme.deliberations") } ?? [],
            period: period, models: models, operations: operations,
            declaredTotals: map["totaux"].map { totals($0, operations: operations) } ?? [],
            notes: map["remarques"].map { terms.notes($0, what: "programme.remarques") } ?? [])
        programme.document = document
        if let node = map["publication"] {
            programme.publication = terms.publication(node, what: "programme.publication", programme: true)
        }
        var rows: [ProgrammeRow] = []
        var tablePath: String?
        var layout: ProgrammeTableLayout?
        if let node = map["tableau"] {
            (rows, tablePath, layout) = table(node, programme: programme)
        }
        var loaded = LoadedProgramme(programme: programme, rows: rows, tablePath: tablePath)
        loaded.tableLayout = layout
        return loaded
    }

    func model(_ node: Node, key: String, funder: String, period: Period?, document: String?) -> ConventionModel? {
        let what = "programme.modeles.\(key)"
        guard
            let map = reader.mapping(
                node, allowed: ["titre", "plafonds-par-ligne"] + ConventionReader.termKeys, what: what)
        else { return nil }
        let terms = ConventionReader(reader: reader)
        var convention = Convention(
            id: key, title: map["titre"].flatMap { reader.text($0, what: "\(what).titre") } ?? key, financeur: funder,
            beneficiaire: "structure du tableau", document: document, period: period)
        reader.declaredInputs = [:]
        terms.readTerms(map, into: &convention, what: what)
        if map["echeancier"] == nil { reader.error("\(what) : clé « echeancier » manquante", at: node) }
        let rowLimits = map["plafonds-par-ligne"].map { limitsNode in
            reader.sequence(limitsNode, what: "\(what).plafonds-par-ligne").enumerated().compactMap { index, item in
                terms.limit(item, what: "\(what).plafonds-par-ligne[\(index + 1)]", rowObjective: true)
            }
        } ?? []
        reader.defaultDocument = document
        return ConventionModel(terms: convention, rowLimits: rowLimits)
    }

    func operations(_ node: Node, models: [String: ConventionModel]) -> [Operation] {
        reader.sequence(node, what: "programme.operations").enumerated().compactMap { index, item in
            let what = "programme.operations[\(index + 1)]"
            guard
                let map = reader.mapping(
                    item,
                    allowed: [
                        "id", "libelle", "libelles-tableau", "prix-unitaire", "montant-par-ligne", "modele", "montant",
                        "quantite", "structures", "imputation", "source",
                    ], what: what),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(what).id"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle"),
                let modelNode = map.required("modele"), let model = reader.identifier(modelNode, what: "\(what).modele"),
                let pricingKey = map.exactlyOne(of: ["prix-unitaire", "montant-par-ligne"])
            else { return nil }
            guard models[model] != nil else {
                reader.error("\(what).modele : modèle « \(model) » inconnu (\(models.keys.sorted().joined(separator: ", ")))", at: modelNode)
                return nil
            }
            let pricing: Operation.Pricing
            if pricingKey == "prix-unitaire" {
                guard let price = map["prix-unitaire"].flatMap({ reader.unitPrice($0, what: "\(what).prix-unitaire") }) else {
                    return nil
                }
                pricing = .unitRate(price)
            } else {
                guard let perRow = map["montant-par-ligne"].flatMap({
                    reader.mapping($0, allowed: ["unite"], what: "\(what).montant-par-ligne")
                }) else { return nil }
                let unit = perRow["unite"].flatMap { unitNode in
                    reader.text(unitNode, what: "\(what).montant-par-ligne.unite").flatMap {
                        reader.unit(named: Substring($0), at: unitNode, what: "\(what).montant-par-ligne.unite")
                    }
                }
                pricing = .amountPerRow(unit: unit)
            }
            var quantity: Quantity?
            var quantityClause: Clause?
            if let quantityNode = map["quantite"] {
                if quantityNode.scalar != nil {
                    quantity = reader.quantity(quantityNode, what: "\(what).quantite")
                } else if let quantityMap = reader.mapping(quantityNode, allowed: ["valeur", "source"], what: "\(what).quantite"),
                    let valueNode = quantityMap.required("valeur")
                {
                    quantity = reader.quantity(valueNode, what: "\(what).quantite.valeur")
                    quantityClause = reader.clause(quantityMap["source"], what: "\(what).quantite")
                }
            }
            let tableLabels = map["libelles-tableau"].map { labelsNode in
                reader.sequence(labelsNode, what: "\(what).libelles-tableau").compactMap {
                    reader.text($0, what: "\(what).libelles-tableau")
                }
            } ?? []
            return Operation(
                id: id, label: label, tableLabels: tableLabels, pricing: pricing, model: model,
                declaredTotal: map["montant"].flatMap { reader.writtenFigure($0, what: "\(what).montant") },
                declaredQuantity: quantity, declaredQuantityClause: quantityClause,
                declaredStructures: map["structures"].flatMap { reader.integer($0, what: "\(what).structures") },
                budgetLine: map["imputation"].flatMap { reader.text($0, what: "\(what).imputation") },
                clause: reader.clause(map["source"], what: what))
        }
    }

    func totals(_ node: Node, operations: [Operation]) -> [ProgrammeTotal] {
        let ids = Set(operations.map(\.id))
        return reader.sequence(node, what: "programme.totaux").enumerated().compactMap { index, item in
            let what = "programme.totaux[\(index + 1)]"
            guard
                let map = reader.mapping(item, allowed: ["libelle", "valeur", "operations", "source"], what: what),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle"),
                let valueNode = map.required("valeur"), let amount = reader.money(valueNode, what: "\(what).valeur")
            else { return nil }
            var members: [String] = []
            if let membersNode = map["operations"] {
                for member in reader.sequence(membersNode, what: "\(what).operations") {
                    guard let id = reader.identifier(member, what: "\(what).operations") else { continue }
                    guard ids.contains(id) else {
                        reader.error("\(what).operations : opération « \(id) » inconnue", at: member)
                        continue
                    }
                    members.append(id)
                }
            }
            return ProgrammeTotal(
                label: label, amount: WrittenFigure(amount, clause: reader.clause(map["source"], what: what)),
                operations: members)
        }
    }
}
