import SubventionConventions
import SubventionCore

extension PortfolioLoader {
    /// Conventions liées: an échéance of B that waits for an event of A (`condition:`) gets the date A's bilan (or
    /// register) records for that event, and reads « <événement> de « <titre de A> » ».
    ///
    /// A condition on a convention absent from what was read is a warning (the échéance stays en attente unless B's
    /// own bilan dates the qualified event); on an event A does not know, an error with a suggestion (exit 2).
    mutating func linkConventions() {
        var read: [String: Convention] = [:]
        for (id, target) in byID where !target.isProgramme {
            read[id] = cofinanced[id]?.convention ?? conventions[target.index].convention.convention
        }
        for index in conventions.indices {
            var terms = conventions[index].convention.convention
            guard !terms.linkedEvents.isEmpty else { continue }
            let problems = LinkedConventions.diagnostics(of: terms, file: conventions[index].file, among: read)
            // A co-financed convention's shares carry the same conditions: report them once.
            if cofinanced[terms.id].map({ $0.shares.first == index }) ?? true { Console.report(problems) }
            if problems.contains(where: { $0.severity == .error }) { unreadable = true }
            var labels: [String: String] = [:]
            for link in terms.linkedEvents {
                guard link.convention != terms.id, let other = read[link.convention],
                    other.eventVocabulary.contains(link.event), let target = byID[link.convention]
                else { continue }
                labels[link.qualifiedName] = "\(other.eventLabel(link.event)) de « \(other.title) »"
                let entry = conventions[target.index]
                guard let date = entry.bilan.events[link.event] else { continue }
                if let own = conventions[index].bilan.events[link.qualifiedName], own != date {
                    Console.err(
                        "\(conventions[index].bilanFile ?? conventions[index].file): avertissement: « \(link.qualifiedName) » "
                            + "daté du \(own.frenchShort) par ce bilan, du \(date.frenchShort) par celui de « \(link.convention) » "
                            + "(\(entry.bilanFile ?? entry.file)) : la date de « \(link.convention) » est retenue")
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
}
