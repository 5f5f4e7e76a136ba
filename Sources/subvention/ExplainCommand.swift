import ArgumentParser
import SubventionCore

/// `subvention explain`: the settlement with its step-by-step trace.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explique pas à pas le règlement d'une convention, chaque étape citant sa clause.")

    @Argument(help: "Fichier de convention, ou de programme avec --structure.")
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: "Fichier de bilan (format: subvention/bilan 1).")
    var bilan: String

    @Option(name: .customLong("as-of"), help: "Date de calcul.")
    var asOf: CalendarDate?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        try SettleCommand.settle(file: file, target: target, bilan: bilan, asOf: asOf, explain: true, output: output)
    }
}
