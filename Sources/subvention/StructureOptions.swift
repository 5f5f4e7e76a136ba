import ArgumentParser
import SubventionCore
import SubventionConventions

/// Options that pick one structure of a programme.
struct StructureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Pour un programme : la structure du tableau (ex. « CC Osartis Marquion »).", valueName: "structure"), completion: Completions.structure)
    var structure: String?

    @Option(name: .long, help: ArgumentHelp("Pour un programme : l'opération, quand la structure a plusieurs lignes (id ou libellé).", valueName: "opération"), completion: Completions.operation)
    var operation: String?

    @Option(name: .long, help: ArgumentHelp("Pour une convention cofinancée : le financeur (son id sous « cofinanceurs »).", valueName: "financeur"))
    var financeur: String?

    /// Loads the target, printing its diagnostics; exits 2 when unreadable, 1 when refused.
    func load(_ file: String, asOf: CalendarDate?, financeur chosen: String? = nil) throws -> SettlementTarget {
        do {
            let (target, warnings) = try SettlementTarget.load(
                file, structure: structure, operation: operation, asOf: asOf, financeur: chosen ?? financeur)
            Console.report(warnings)
            return target
        } catch {
            switch error {
            case .unreadable(let diagnostics):
                Console.report(diagnostics)
                throw Console.unreadable
            case .refused(let message):
                Console.err(message)
                throw Console.failure
            }
        }
    }
}
