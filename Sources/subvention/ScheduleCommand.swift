import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention schedule`: the échéancier of a convention.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Affiche l'échéancier d'une convention : chaque versement, son déclencheur, sa date et sa clause.")

    @Argument(help: "Fichier de convention, ou de programme avec --structure.")
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: "Date de signature de la convention (AAAA-MM-JJ ou JJ/MM/AAAA).")
    var signed: CalendarDate?

    @Option(name: .long, help: "Date d'un événement : nom=date (ex. convention-signee-recue=2025-04-02). Répétable.")
    var event: [EventArgument] = []

    @Option(name: .long, help: "Bilan donnant les dates des événements et les versements déjà faits.")
    var bilan: String?

    @Option(name: .customLong("as-of"), help: "Date de calcul : applique les avenants en vigueur à cette date.")
    var asOf: CalendarDate?

    @Flag(name: .long, help: "Affiche aussi le calcul pas à pas, avec les clauses.")
    var explain = false

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let target = try target.load(file, asOf: asOf)
        var events: [String: CalendarDate] = [:]
        var payments: [Payment] = []
        var parameters: [String: Money] = [:]
        if let bilan {
            let loaded = try Console.loadBilan(bilan, for: target.terms)
            events = loaded.bilan.events
            payments = loaded.bilan.payments
            parameters = loaded.bilan.parameters
        }
        if let signed { events[TriggerEvent.signature.rawValue] = signed }
        for item in event { events[item.name] = item.date }
        let schedule: Schedule
        do {
            schedule = try target.schedule(events: events, parameters: parameters, payments: payments)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        let lifeTerms = target.terms.lifecycle
        let lifecycle = lifeTerms.isEmpty ? nil : target.terms.lifecycleStatus(events: events, asOf: asOf)
        let report: Report
        do {
            report = try ScheduleReport.build(
                schedule, terms: target.terms, lifecycle: lifecycle, explain: explain, asOf: asOf)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }
}
