import SubventionCore
import Yams

/// Reads the `budget:` section of a budget file (`format: subvention/budget 1`): one financeur, one exercice,
/// its budget lines with their AE and the figures the deliberation prints.
struct BudgetReader {
    let reader: NodeReader

    static let keys = ["financeur", "exercice", "document", "deliberations", "lignes"]
    static let lineKeys = [
        "code-operation", "imputation-budgetaire", "libelle", "ae", "disponible", "proposition", "solde", "deliberation",
        "source",
    ]

    func budget(_ node: Node) -> Budget? {
        guard let map = reader.mapping(node, allowed: Self.keys, what: "budget"),
            let financeurNode = map.required("financeur"), let financeur = reader.text(financeurNode, what: "budget.financeur"),
            let exerciceNode = map.required("exercice"), let exercice = reader.integer(exerciceNode, what: "budget.exercice")
        else { return nil }
        guard (1900...2200).contains(exercice) else {
            reader.error("budget.exercice : une année est attendue, « \(exercice) » trouvé", at: exerciceNode)
            return nil
        }
        if let node = map["document"], let document = reader.text(node, what: "budget.document") {
            reader.defaultDocument = document
        }
        let deliberations = map["deliberations"].map {
            ConventionReader(reader: reader).deliberations($0, what: "budget.deliberations")
        } ?? []
        guard let linesNode = map.required("lignes") else { return nil }
        var seen: Set<String> = []
        let lines = reader.sequence(linesNode, what: "budget.lignes").enumerated().compactMap { index, item -> BudgetLine? in
            let path = "budget.lignes[\(index + 1)]"
            guard let line = line(item, what: path) else { return nil }
            guard seen.insert(line.imputation.code).inserted else {
                reader.error("\(path).code-operation : « \(line.imputation.code) » est déjà déclarée dans ce budget", at: item)
                return nil
            }
            return line
        }
        if lines.isEmpty, linesNode.sequence?.isEmpty == true {
            reader.error("budget.lignes : au moins une ligne budgétaire est attendue", at: linesNode)
        }
        return Budget(
            financeur: financeur, exercice: exercice, document: reader.defaultDocument, deliberations: deliberations,
            lines: lines)
    }

    func line(_ node: Node, what: String) -> BudgetLine? {
        guard let map = reader.mapping(node, allowed: Self.lineKeys, what: what),
            let codeNode = map.required("code-operation"),
            let code = reader.imputationCode(codeNode, what: "\(what).code-operation"),
            let accountNode = map.required("imputation-budgetaire"),
            let account = reader.text(accountNode, what: "\(what).imputation-budgetaire"),
            let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle"),
            let aeNode = map.required("ae"), let authority = reader.writtenFigure(aeNode, what: "\(what).ae")
        else { return nil }
        func figure(_ key: String) -> WrittenFigure? {
            map[key].flatMap { reader.writtenFigure($0, what: "\(what).\(key)") }
        }
        let available = figure("disponible")
        let proposal = figure("proposition")
        for (key, figure) in [("ae", authority), ("disponible", available), ("proposition", proposal)]
        where (figure?.amount ?? .zero) < .zero {
            reader.error("\(what).\(key) : un montant positif ou nul est attendu", at: map[key])
        }
        return BudgetLine(
            imputation: Imputation(code: code, account: account, label: label), commitmentAuthority: authority,
            printedAvailable: available, printedProposal: proposal, printedBalance: figure("solde"),
            deliberation: map["deliberation"].flatMap { reader.text($0, what: "\(what).deliberation") },
            clause: reader.clause(map["source"], what: what))
    }
}
