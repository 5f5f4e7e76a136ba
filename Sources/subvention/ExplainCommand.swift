import ArgumentParser
import SubventionCore

/// `subvention explain`: the settlement with its step-by-step trace.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explique pas à pas le règlement d'une convention, chaque étape citant sa clause.")

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Fichier de bilan (format: subvention/bilan 1) ; sans lui, le registre.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String?

    @OptionGroup var register: RegisterOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : avenants en vigueur et obligations en retard à cette date ; sans date, tous les avenants et aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        try SettleCommand.settle(file: file, target: target, bilan: bilan, register: register, asOf: asOf, explain: true, output: output)
    }
}
