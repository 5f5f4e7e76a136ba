import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention schedule`: the échéancier of a convention.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Affiche l'échéancier d'une convention : chaque versement, son déclencheur, sa date et sa clause.")

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Date de signature de la convention (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "date"))
    var signed: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Date d'un événement : nom=date (ex. convention-signee-recue=2025-04-02). Répétable.", valueName: "événement=date"))
    var event: [EventArgument] = []

    @Option(name: .long, help: ArgumentHelp("Bilan donnant les dates des événements et les versements déjà faits.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : avenants en vigueur à cette date ; sans date, tous les avenants.", valueName: "date"))
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
                schedule, terms: target.reportTerms, lifecycle: lifecycle, explain: explain, asOf: asOf)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }
}
