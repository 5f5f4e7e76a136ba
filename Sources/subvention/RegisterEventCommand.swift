import ArgumentParser
import SubventionCore
import SubventionRegister

/// `subvention registre evenement`: a dated event the convention declares.
struct RegisterEventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evenement",
        abstract: "Enregistre un événement daté que la convention prévoit (signature, convention-signee-recue, bilan-recu, relance…).")

    @Argument(help: ArgumentHelp("L'événement (ex. bilan-recu).", valueName: "événement"))
    var event: String

    @OptionGroup var target: RegisterTargetOptions

    @Option(name: .long, help: ArgumentHelp("Date de l'événement (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "date"))
    var date: CalendarDate

    @Option(name: .long, help: ArgumentHelp("Motif (une correction, un événement enregistré à nouveau).", valueName: "motif"))
    var motif: String?

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        let workspace = try recording.workspace()
        let resolved = try target.resolve(in: workspace)
        try workspace.checkEvent(event, of: resolved)
        let entry = NewEntry(
            kind: .event, convention: resolved.key.convention, structure: resolved.key.structure,
            operation: resolved.key.operation, date: date, motif: motif, payload: EntryPayload(event: event))
        RegisterWorkspace.acknowledge(try workspace.record([entry], targets: [resolved.key: resolved]))
    }
}
