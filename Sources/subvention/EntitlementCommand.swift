import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention entitlement`: what a bénéficiaire will receive, when, and what it must send.
struct EntitlementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entitlement",
        abstract: "Pour un bénéficiaire : ce qu'il recevra, quand, à quelles conditions, ce qu'il doit envoyer et quand.",
        discussion: """
            --what-if construit une situation à partir de toutes les valeurs données, ensemble (ex. --what-if etp=2 \
            --what-if cout-mission="116 000 €" --what-if bilan-recu=2026-01-15), la calcule et l'explique pas à pas.
            """)

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Bilan : événements datés, versements, réalisations.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de situation (AAAA-MM-JJ ou JJ/MM/AAAA ; aujourd'hui par défaut).", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .customLong("what-if"), help: ArgumentHelp("entrée=valeur ou événement=date : une situation à simuler (répétable, valeurs combinées).", valueName: "clé=valeur"), completion: Completions.whatIf)
    var whatIf: [String] = []

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let date = asOf ?? ReportCommand.today
        let loaded = try target.load(file, asOf: date)
        let bilan = try self.bilan.map { try Console.loadBilan($0, for: loaded.terms).bilan } ?? Bilan()
        let position: Position
        do {
            position = try loaded.position(bilan, asOf: date)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        var situation: EntitlementReport.WhatIf?
        if !whatIf.isEmpty {
            var variant = bilan
            var descriptions: [String] = []
            for item in whatIf {
                switch try Self.parse(item, terms: loaded.terms) {
                case .value(let input, let value):
                    variant.values[input.key] = value
                    descriptions.append("\(input.label) = \(value)")
                case .event(let name, let eventDate):
                    variant.events[name] = eventDate
                    descriptions.append("« \(name) » le \(eventDate.frenchShort)")
                }
            }
            situation = EntitlementReport.WhatIf(
                description: descriptions.joined(separator: " et "),
                outcome: Result { () throws(EngineError) in try loaded.settle(variant, asOf: date) })
        }
        try output.write(
            EntitlementReport.build(
                terms: loaded.reportTerms, position: position, hasBilan: self.bilan != nil, whatIf: situation, asOf: date))
    }

    /// One value of a `--what-if` situation.
    enum Variation {
        case value(InputDeclaration, InputValue)
        case event(String, CalendarDate)
    }

    /// The events a `--what-if` may date: the convention's triggers and the events that fulfil its obligations.
    static func events(of terms: Convention) -> [String] {
        var names: [String] = []
        for name in terms.installments.flatMap({ $0.triggers.map(\.rawValue) }) + terms.obligations.compactMap(\.fulfilledBy)
        where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// `key=value`: an input read by its kind (an amount, or a quantity in its unit), or an event and its date.
    static func parse(_ text: String, terms: Convention) throws -> Variation {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let events = events(of: terms)
        guard parts.count == 2 else {
            Console.err("erreur: --what-if « \(text) » : clé=valeur attendu\(possibleKeys(terms, events))")
            throw Console.unreadable
        }
        if events.contains(parts[0]) {
            do {
                return .event(parts[0], try CalendarDate(parsing: parts[1]))
            } catch {
                Console.err("erreur: --what-if \(parts[0]) : \(error)")
                throw Console.unreadable
            }
        }
        guard let input = terms.inputs.first(where: { $0.key == parts[0] }) else {
            Console.err("erreur: --what-if : « \(parts[0]) » inconnu\(possibleKeys(terms, events))")
            throw Console.unreadable
        }
        do {
            switch input.kind {
            case .money: return .value(input, .money(try Money(parsing: parts[1])))
            case .quantity(let unit):
                let value = try Rational(parsingDecimal: parts[1], suffixes: [unit.name, unit.name(forCount: Rational(2))])
                return .value(input, .quantity(Quantity(value, unit)))
            }
        } catch {
            Console.err("erreur: --what-if \(input.key) : \(error)")
            throw Console.unreadable
        }
    }

    /// « ; entrées possibles : etp, cout-mission ; événements : bilan-recu » (or that there are none).
    static func possibleKeys(_ terms: Convention, _ events: [String]) -> String {
        let inputs = terms.inputs.map(\.key)
        return " ; entrées possibles : " + (inputs.isEmpty ? "aucune (cette convention n'a pas d'entrée de bilan)" : inputs.joined(separator: ", "))
            + " ; événements : " + (events.isEmpty ? "aucun" : events.joined(separator: ", "))
    }
}
