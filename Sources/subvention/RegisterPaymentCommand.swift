import ArgumentParser
import SubventionCore
import SubventionRegister

/// `subvention registre versement`: a payment made, with its numéro de mandat.
struct RegisterPaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versement",
        abstract: "Enregistre un versement : convention, échéance, montant, date, numéro de mandat, exercice, imputation.",
        discussion: """
            Refusé (code 1) au-delà de ce que l'échéance ou la convention autorisent, sauf --motif-depassement ; \
            refusé si le numéro de mandat est déjà enregistré.
            """)

    @OptionGroup var target: RegisterTargetOptions

    @Option(name: .long, help: ArgumentHelp("L'échéance payée (ex. acompte, solde).", valueName: "échéance"))
    var echeance: String?

    @Option(name: .long, help: ArgumentHelp("Montant, au centime (ex. « 48 000,00 € »).", valueName: "montant"))
    var montant: String

    @Option(name: .long, help: ArgumentHelp("Date du mandat (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "date"))
    var date: CalendarDate

    @Option(name: .long, help: ArgumentHelp("Numéro de mandat (unique dans le registre).", valueName: "numéro"))
    var mandat: String

    @Option(name: .long, help: ArgumentHelp("Exercice budgétaire (l'année de la date par défaut).", valueName: "année"))
    var exercice: Int?

    @Option(name: .long, help: ArgumentHelp("Imputation budgétaire (chapitre, article, fonction…).", valueName: "imputation"))
    var imputation: String?

    @Option(name: .customLong("motif-depassement"), help: ArgumentHelp("Enregistre un versement au-delà du plafond, avec ce motif.", valueName: "motif"))
    var motifDepassement: String?

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        let amount = try AmountArgument.parse(montant, option: "--montant")
        guard amount.isPositive else {
            Console.err("erreur: --montant « \(montant) » : un versement est positif (une correction s'enregistre avec « registre annuler »)")
            throw Console.failure
        }
        let workspace = try recording.workspace()
        let resolved = try target.resolve(in: workspace)
        if let echeance { try workspace.checkInstallment(echeance, of: resolved) }
        if echeance == nil, case .convention = resolved.kind {
            Console.err("erreur: --echeance manque (échéances : \(resolved.terms.installments.map(\.id).joined(separator: ", ")))")
            throw Console.failure
        }
        let entry = NewEntry(
            kind: .payment, convention: resolved.key.convention, installment: echeance, structure: resolved.key.structure,
            operation: resolved.key.operation, amount: amount, date: date, number: mandat,
            fiscalYear: exercice ?? date.year, imputation: imputation, motif: motifDepassement,
            payload: EntryPayload(overrun: motifDepassement == nil ? nil : true))
        RegisterWorkspace.acknowledge(try workspace.record([entry], targets: [resolved.key: resolved]))
    }
}
