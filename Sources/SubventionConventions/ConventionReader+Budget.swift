import SubventionCore
import Yams

extension ConventionReader {
    /// Reads `imputation:` of a convention (its budget line as a whole).
    func readImputation(_ map: Mapping, into convention: inout Convention, what: String) {
        if let node = map["imputation"] { convention.imputation = reader.imputation(node, what: "\(what).imputation") }
    }

    /// Reads `imputation:` of a component (its own budget line).
    func readImputation(_ map: Mapping, into component: inout Component, what: String) {
        if let node = map["imputation"] { component.imputation = reader.imputation(node, what: "\(what).imputation") }
    }
}
