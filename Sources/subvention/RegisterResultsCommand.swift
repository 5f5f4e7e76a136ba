import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionRegister

/// `subvention registre realisations`: the realised figures of a bilan, by the convention's input keys.
struct RegisterResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realisations",
        abstract: "Enregistre les réalisations d'un bilan (entrée=valeur, ex. etp=2 cout-mission=\"130 000 €\").",
        discussion: "Pour joindre un fichier de bilan entier (événements, versements, réalisations) : registre importer FICHIER.")

    @Argument(help: ArgumentHelp("Valeurs : entrée=valeur (entrées de la convention).", valueName: "entrée=valeur"))
    var values: [String]

    @OptionGroup var target: RegisterTargetOptions

    @Option(name: .customLong("recu-le"), help: ArgumentHelp("Date de réception du bilan : enregistre aussi l'événement bilan-recu (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "date"))
    var received: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Motif (une correction de valeurs déjà enregistrées).", valueName: "motif"))
    var motif: String?

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        var pairs: [String: String] = [:]
        for item in values {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                Console.err("erreur: « \(item) » : entrée=valeur attendu")
                throw Console.unreadable
            }
            pairs[parts[0]] = parts[1]
        }
        let workspace = try recording.workspace()
        let resolved = try target.resolve(in: workspace)
        // Read by the bilan reader, as a bilan file would be: unknown keys (with a suggestion), units, amounts.
        var situation = RecordedSituation(target: resolved.key)
        situation.values = pairs
        do {
            _ = try workspace.bilan(situation, for: resolved)
        } catch {
            Console.err("\(error)")
            throw Console.failure
        }
        var entries = [
            NewEntry(
                kind: .results, convention: resolved.key.convention, structure: resolved.key.structure,
                operation: resolved.key.operation, date: received, motif: motif, payload: EntryPayload(values: pairs))
        ]
        if let received {
            let event = TriggerEvent.bilanReceived.rawValue
            try workspace.checkEvent(event, of: resolved)
            entries.append(
                NewEntry(
                    kind: .event, convention: resolved.key.convention, structure: resolved.key.structure,
                    operation: resolved.key.operation, date: received, motif: motif, payload: EntryPayload(event: event)))
        }
        RegisterWorkspace.acknowledge(try workspace.record(entries, targets: [resolved.key: resolved]))
    }
}
