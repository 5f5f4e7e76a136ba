import SubventionCore
import Yams

extension NodeReader {
    /// An imputation: a code opération alone (`imputation: C02-446A05`), or
    /// `{ code-operation: C02-446A05, imputation-budgetaire: 6568/93446, libelle: … }`; the budget file's line is
    /// the reference, and an account or label given here is checked against it.
    func imputation(_ node: Node, what: String) -> Imputation? {
        if node.scalar != nil { return imputationCode(node, what: what).map { Imputation(code: $0) } }
        guard let map = mapping(node, allowed: ["code-operation", "imputation-budgetaire", "libelle"], what: what),
            let codeNode = map.required("code-operation"),
            let code = imputationCode(codeNode, what: "\(what).code-operation")
        else { return nil }
        return Imputation(
            code: code, account: map["imputation-budgetaire"].flatMap { text($0, what: "\(what).imputation-budgetaire") },
            label: map["libelle"].flatMap { text($0, what: "\(what).libelle") })
    }

    /// A code opération: letters, digits and dashes, no space (`C02-446A05`).
    func imputationCode(_ node: Node, what: String) -> String? {
        guard let code = text(node, what: what) else { return nil }
        guard code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            error("\(what) : un code opération (lettres, chiffres, tirets, sans espace) est attendu, « \(code) » trouvé", at: node)
            return nil
        }
        return code
    }
}
