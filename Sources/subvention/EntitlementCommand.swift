import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports
import SubventionScenarios

/// `subvention entitlement`: what a bénéficiaire will receive, when, and what it must send.
struct EntitlementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entitlement",
        abstract: "Pour un bénéficiaire : ce qu'il recevra, quand, à quelles conditions, ce qu'il doit envoyer et quand.",
        discussion: """
            --what-if rejoue le règlement avec une autre valeur du bilan (ex. --what-if quantite-realisee=120 \
            ou --what-if cout-mission="100 000 €"). Répétable.
            """)

    @Argument(help: "Fichier de convention, ou de programme avec --structure.")
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: "Bilan : événements datés, versements, réalisations.")
    var bilan: String?

    @Option(name: .customLong("as-of"), help: "Date de situation (aujourd'hui par défaut).")
    var asOf: CalendarDate?

    @Option(name: .customLong("what-if"), help: "entrée=valeur : une autre réalisation à simuler.")
    var whatIf: [String] = []

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let date = asOf ?? ReportCommand.today
        let loaded = try target.load(file, asOf: date)
        let bilan = try self.bilan.map { try Console.loadBilan($0, for: loaded.terms).bilan } ?? Bilan()
        let schedule: Schedule
        do {
            schedule = try loaded.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        let settlement = Result { () throws(EngineError) in try loaded.settle(bilan, asOf: date) }
        let obligations: [ObligationStatus]
        if case .success(let settled) = settlement {
            obligations = settled.obligations
        } else {
            obligations = (try? CompiledConvention(loaded.terms).obligations(events: bilan.events, asOf: date)) ?? []
        }
        var whatIfs: [EntitlementReport.WhatIf] = []
        for item in whatIf {
            let (input, value) = try Self.parse(item, terms: loaded.terms)
            var variant = bilan
            variant.values[input.key] = value
            whatIfs.append(
                EntitlementReport.WhatIf(
                    description: "\(input.label) = \(value)",
                    outcome: Result { () throws(EngineError) in try loaded.settle(variant, asOf: date) }))
        }
        try output.write(
            EntitlementReport.build(
                terms: loaded.terms, total: schedule.total, schedule: schedule, settlement: settlement,
                obligations: obligations, whatIfs: whatIfs, asOf: date))
    }

    /// `key=value`, the value read by the input's kind (an amount, or a quantity in its unit).
    static func parse(_ text: String, terms: Convention) throws -> (InputDeclaration, InputValue) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let input = terms.inputs.first(where: { $0.key == parts[0] }) else {
            Console.err(
                "erreur: --what-if « \(text) » : entrée=valeur attendu, entrées possibles : "
                    + terms.inputs.map(\.key).joined(separator: ", "))
            throw Console.unreadable
        }
        do {
            switch input.kind {
            case .money: return (input, .money(try Money(parsing: parts[1])))
            case .quantity(let unit):
                let value = try Rational(parsingDecimal: parts[1], suffixes: [unit.name, unit.name(forCount: Rational(2))])
                return (input, .quantity(Quantity(value, unit)))
            }
        } catch {
            Console.err("erreur: --what-if \(input.key) : \(error)")
            throw Console.unreadable
        }
    }
}
