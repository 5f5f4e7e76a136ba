import ArgumentParser
import SubventionCore
import SubventionRegister

/// `subvention registre titre`: a titre de recettes issued (a reversement claimed).
struct RegisterReceiptOrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "titre",
        abstract: "Enregistre un titre de recettes émis : numéro, montant, date.")

    @OptionGroup var target: RegisterTargetOptions

    @Option(name: .long, help: ArgumentHelp("Numéro du titre (unique dans le registre).", valueName: "numéro"))
    var numero: String

    @Option(name: .long, help: ArgumentHelp("Montant, au centime.", valueName: "montant"))
    var montant: String

    @Option(name: .long, help: ArgumentHelp("Date d'émission (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "date"))
    var date: CalendarDate

    @Option(name: .long, help: ArgumentHelp("Exercice budgétaire (l'année de la date par défaut).", valueName: "année"))
    var exercice: Int?

    @Option(name: .long, help: ArgumentHelp("Imputation budgétaire.", valueName: "imputation"))
    var imputation: String?

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        let amount = try AmountArgument.parse(montant, option: "--montant")
        guard amount.isPositive else {
            Console.err("erreur: --montant « \(montant) » : un titre est positif")
            throw Console.failure
        }
        let workspace = try recording.workspace()
        let resolved = try target.resolve(in: workspace)
        let entry = NewEntry(
            kind: .receiptOrder, convention: resolved.key.convention, structure: resolved.key.structure,
            operation: resolved.key.operation, amount: amount, date: date, number: numero,
            fiscalYear: exercice ?? date.year, imputation: imputation)
        RegisterWorkspace.acknowledge(try workspace.record([entry], targets: [resolved.key: resolved]))
    }
}
