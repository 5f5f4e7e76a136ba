import SubventionCore
import Yams

/// What a bilan file is for, read before its convention is known: the convention (or programme) id and, for a
/// programme, the structure and operation of its row.
public struct BilanHeader: Hashable, Sendable {
    public var conventionID: String
    public var structure: String?
    public var operation: String?
}

extension ConventionFiles {
    /// Reads the `format:` and `bilan.convention` / `structure` / `operation` of a bilan file with the YAML
    /// library (a quoted id, a comment, a flow mapping all read the same).
    /// - Throws: ``LoadFailure`` with `file:line:column` when the text is not YAML, not a bilan
    ///   (`format: subvention/bilan 1`), or names no convention.
    public static func bilanHeader(text: String, file: String) throws(LoadFailure) -> BilanHeader {
        let reader = NodeReader(file: file)
        var header: BilanHeader?
        if let node = self.header(text, kind: "bilan", format: bilanFormat, reader: reader) {
            if let pairs = node.mapping, let idNode = pairs["convention"] {
                if let id = reader.identifier(idNode, what: "bilan.convention") {
                    header = BilanHeader(
                        conventionID: id,
                        structure: pairs["structure"].flatMap { reader.text($0, what: "bilan.structure") },
                        operation: pairs["operation"].flatMap { reader.text($0, what: "bilan.operation") })
                }
            } else {
                reader.error("bilan.convention : l'identifiant de la convention est obligatoire", at: node)
            }
        }
        return try finish(header, reader).0
    }
}
