import SubventionCore
import Yams

/// How a CSV of mandats exported by an accounting system maps to versements (correspondance des colonnes).
///
/// ```yaml
/// format: subvention/correspondance 1
/// correspondance:
///   dialecte: excel-fr            # ou rfc4180
///   colonnes:
///     convention: Code convention
///     echeance: Échéance
///     montant: Montant TTC
///     date: Date du mandat
///     mandat: N° mandat
///     exercice: Exercice         # facultatives : exercice, imputation, structure, operation
///     imputation: Imputation
/// ```
public struct MandateMapping: Hashable, Sendable {
    /// The fields a versement takes from a column; the first four are required.
    public static let requiredFields = ["convention", "montant", "date", "mandat"]
    public static let optionalFields = ["echeance", "exercice", "imputation", "structure", "operation"]

    /// `rfc4180` or `excel-fr`.
    public var dialect: String
    /// The column header of each field.
    public var columns: [String: String]
}

extension ConventionFiles {
    /// The format of mapping files.
    public static let mappingFormat = "subvention/correspondance 1"

    /// Reads a mapping file's text.
    /// - Throws: ``LoadFailure`` with `file:line:column` (unknown keys with a suggestion, missing columns).
    public static func mandateMapping(text: String, file: String) throws(LoadFailure) -> (MandateMapping, [Diagnostic]) {
        let reader = NodeReader(file: file)
        var mapping: MandateMapping?
        if let node = header(text, kind: "correspondance", format: mappingFormat, reader: reader),
            let map = reader.mapping(node, allowed: ["dialecte", "colonnes"], what: "correspondance"),
            let columnsNode = map.required("colonnes")
        {
            var dialect = "rfc4180"
            if let dialectNode = map["dialecte"], let written = reader.text(dialectNode, what: "correspondance.dialecte") {
                if ["rfc4180", "excel-fr"].contains(written) {
                    dialect = written
                } else {
                    reader.error("correspondance.dialecte : « \(written) » : rfc4180 ou excel-fr attendu", at: dialectNode)
                }
            }
            if let columns = reader.mapping(
                columnsNode, allowed: MandateMapping.requiredFields + MandateMapping.optionalFields,
                what: "correspondance.colonnes")
            {
                var result: [String: String] = [:]
                for field in MandateMapping.requiredFields {
                    if let node = columns.required(field), let name = reader.text(node, what: "colonnes.\(field)") {
                        result[field] = name
                    }
                }
                for field in MandateMapping.optionalFields {
                    if let node = columns[field], let name = reader.text(node, what: "colonnes.\(field)") {
                        result[field] = name
                    }
                }
                mapping = MandateMapping(dialect: dialect, columns: result)
            }
        }
        return try finish(mapping, reader)
    }
}
