import SubventionConventions
import SubventionCore

extension PortfolioLoader {
    /// Conventions liées: an échéance of B that waits for an event of A (`condition:`) gets the date A's bilan (or
    /// register) records for that event, and reads « <événement> de <titre de A> ».
    ///
    /// A condition on a convention absent from what was read is a warning (the échéance stays en attente unless B's
    /// own bilan dates the qualified event); on an event A does not know, an error with a suggestion (exit 2).
    mutating func linkConventions() {
        for index in conventions.indices {
            var terms = conventions[index].convention.convention
            let links = terms.linkedEvents
            guard !links.isEmpty else { continue }
            var labels: [String: String] = [:]
            for link in links {
                guard let other = linkedConvention(link, from: terms, file: conventions[index].file) else { continue }
                labels[link.qualifiedName] = "\(other.terms.eventLabel(link.event)) de « \(other.terms.title) »"
                guard let date = other.bilan?.events[link.event] else { continue }
                if let own = conventions[index].bilan.events[link.qualifiedName], own != date {
                    report(
                        .warning, link,
                        "condition : « \(link.qualifiedName) » daté du \(own.frenchShort) par le bilan de « \(terms.id) », "
                            + "du \(date.frenchShort) par celui de « \(link.convention) » : la date de « \(link.convention) » est retenue",
                        file: conventions[index].file)
                }
                conventions[index].bilan.events[link.qualifiedName] = date
            }
            for position in terms.installments.indices {
                for (slot, trigger) in terms.installments[position].triggers.enumerated() {
                    if let label = labels[trigger.rawValue] { terms.installments[position].triggers[slot].frenchLabel = label }
                }
            }
            do {
                conventions[index].convention = try CompiledConvention(terms, at: asOf)
            } catch {
                Console.err("\(conventions[index].file): erreur: \(error)")
                unreadable = true
            }
        }
    }

    /// The convention `link` names, read in the same run, with its bilan when one is attached; nil (reported) when
    /// it is absent, is a programme, is the convention itself, or does not know the event.
    private mutating func linkedConvention(
        _ link: EventLink, from terms: Convention, file: String
    ) -> (terms: Convention, bilan: Bilan?)? {
        guard link.convention != terms.id else {
            report(.error, link, "condition : une convention ne peut pas attendre son propre événement (donnez-le dans « declencheurs »)", file: file)
            unreadable = true
            return nil
        }
        guard let target = byID[link.convention], !target.isProgramme else {
            let known = byID.filter { !$0.value.isProgramme }.keys.sorted()
            let suggestion = Suggestion.closest(to: link.convention, among: known).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
            report(
                .warning, link,
                "condition : convention « \(link.convention) » absente des conventions lues\(suggestion) ; "
                    + "l'échéance reste en attente tant que « \(link.qualifiedName) » n'est pas daté",
                file: file)
            return nil
        }
        let whole = cofinanced[link.convention]?.convention ?? conventions[target.index].convention.convention
        guard whole.eventVocabulary.contains(link.event) else {
            report(
                .error, link,
                "condition : événement « \(link.event) » inconnu de la convention « \(link.convention) »"
                    + (Suggestion.closest(to: link.event, among: whole.eventVocabulary).map { " (vouliez-vous dire « \($0) » ?)" }
                        ?? " (événements : \(whole.eventVocabulary.joined(separator: ", ")))"),
                file: file)
            unreadable = true
            return nil
        }
        let entry = conventions[target.index]
        return (whole, entry.bilanFile != nil || !entry.bilan.events.isEmpty ? entry.bilan : nil)
    }

    private func report(_ severity: Severity, _ link: EventLink, _ message: String, file: String) {
        let position = link.position
        Console.report([
            Diagnostic(
                severity: severity, file: position?.file ?? file, line: position?.line ?? 0,
                column: position?.column ?? 0, message: message)
        ])
    }
}
