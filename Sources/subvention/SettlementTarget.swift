import ArgumentParser
import SubventionConventions
import SubventionCore

/// What `schedule` and `settle` compute on: a convention, or one structure of a programme's table.
struct SettlementTarget {
    enum Kind {
        case convention(CompiledConvention)
        case row(ProgrammeEvaluator, ProgrammeRow)
    }

    let kind: Kind
    let file: String

    /// The terms bilans are read against (the convention, or the row's model).
    let terms: Convention

    /// Loads `file`; a programme needs `structure` (and `operation` when the structure has several rows).
    static func load(_ file: String, structure: String?, operation: String?, asOf: CalendarDate?) throws -> SettlementTarget {
        let loaded: LoadedFile
        do {
            let (file, warnings) = try ConventionFiles.load(path: file)
            Console.report(warnings)
            loaded = file
        } catch {
            Console.report(error.diagnostics)
            throw Console.unreadable
        }
        switch loaded {
        case .convention(let convention):
            let compiled = try Console.compile(convention, at: asOf, file: file)
            return SettlementTarget(kind: .convention(compiled), file: file, terms: compiled.convention)
        case .programme(let programme):
            guard let structure else {
                Console.err("\(file): erreur: c'est un programme : choisissez une structure avec --structure")
                throw Console.unreadable
            }
            let rows = ProgrammeEvaluator.rows(
                named: structure, operation: operation, in: programme.rows, programme: programme.programme)
            guard rows.count == 1, let row = rows.first else {
                let message = rows.isEmpty
                    ? "structure « \(structure) » absente du tableau"
                    : "« \(structure) » a \(rows.count) lignes (\(rows.map(\.operation).joined(separator: " ; "))) : précisez --operation"
                Console.err("\(file): erreur: \(message)")
                throw Console.unreadable
            }
            do {
                let evaluator = try ProgrammeEvaluator(programme.programme)
                return SettlementTarget(kind: .row(evaluator, row), file: file, terms: try evaluator.terms(for: row))
            } catch {
                Console.err("\(file): erreur: \(error)")
                throw Console.failure
            }
        case .bilan:
            throw Console.unreadable
        }
    }

    func schedule(events: [String: CalendarDate], parameters: [String: Money], payments: [Payment]) throws(EngineError)
        -> Schedule
    {
        switch kind {
        case .convention(let compiled):
            return try compiled.schedule(events: events, parameters: parameters, payments: payments)
        case .row(let evaluator, let row):
            return try evaluator.schedule(row, events: events, defaultParameters: parameters)
        }
    }

    func settle(_ bilan: Bilan, asOf: CalendarDate?) throws(EngineError) -> Settlement {
        switch kind {
        case .convention(let compiled): return try compiled.settle(bilan, asOf: asOf)
        case .row(let evaluator, let row): return try evaluator.settle(row, bilan: bilan, asOf: asOf)
        }
    }
}

/// Options that pick one structure of a programme.
struct StructureOptions: ParsableArguments {
    @Option(name: .long, help: "Pour un programme : la structure du tableau (ex. « CC Osartis Marquion »).")
    var structure: String?

    @Option(name: .long, help: "Pour un programme : l'opération, quand la structure a plusieurs lignes (id ou libellé).")
    var operation: String?
}
