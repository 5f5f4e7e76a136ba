import SubventionCore

/// Conventions liées: the checks of an échéance's `condition:` that need the other convention, made where both are
/// read in the same run (`check` and `report` over files or folders).
package enum LinkedConventions {
    /// Problems with the conditions of `terms` (read from `file`), given the conventions read in the same run by id.
    ///
    /// An event the other convention does not know is an `erreur` with a suggestion; a convention waiting for its own
    /// event is an `erreur`; a convention not among those read is an `avertissement` (its event may still be dated
    /// under the qualified name). Each diagnostic points at the condition's `evenement:`.
    package static func diagnostics(of terms: Convention, file: String, among read: [String: Convention]) -> [Diagnostic] {
        terms.linkedEvents.compactMap { link in
            func diagnostic(_ severity: Severity, _ message: String) -> Diagnostic {
                Diagnostic(
                    severity: severity, file: link.position?.file ?? file, line: link.position?.line ?? 0,
                    column: link.position?.column ?? 0, message: message)
            }
            guard link.convention != terms.id else {
                return diagnostic(
                    .error, "condition : une convention ne peut pas attendre son propre événement (donnez-le dans « declencheurs »)")
            }
            guard let other = read[link.convention] else {
                let suggestion = Suggestion.closest(to: link.convention, among: read.keys.sorted())
                    .map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                return diagnostic(
                    .warning,
                    "condition : convention « \(link.convention) » absente des conventions lues\(suggestion) ; "
                        + "l'échéance reste en attente tant que « \(link.qualifiedName) » n'est pas daté")
            }
            guard other.eventVocabulary.contains(link.event) else {
                let known = other.eventVocabulary
                return diagnostic(
                    .error,
                    "condition : événement « \(link.event) » inconnu de la convention « \(link.convention) »"
                        + (Suggestion.closest(to: link.event, among: known).map { " (vouliez-vous dire « \($0) » ?)" }
                            ?? " (événements : \(known.joined(separator: ", ")))"))
            }
            return nil
        }
    }
}
