import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention settle`: the dotation due from a bilan, then the solde or the reversement.
struct SettleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Calcule le règlement d'une convention à partir d'un bilan : dotation due, solde ou reversement.",
        discussion: """
            Code de sortie 1 si le calcul est refusé (majoration au-delà du plafond, entrée manquante, plafond \
            qui contredit le montant écrit par le document, bilan qui nomme un événement ou une entrée inconnus de \
            la convention…), 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Fichier de bilan (format: subvention/bilan 1).", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : avenants en vigueur et obligations en retard à cette date ; sans date, tous les avenants et aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @Flag(name: .long, help: "Affiche aussi le calcul pas à pas, chaque étape citant sa clause.")
    var explain = false

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        try Self.settle(
            file: file, target: target, bilan: bilan, asOf: asOf, explain: explain, output: output)
    }

    static func settle(
        file: String, target options: StructureOptions, bilan: String, asOf: CalendarDate?, explain: Bool,
        output: ReportOutputOptions
    ) throws {
        let target = try options.load(file, asOf: asOf)
        let loaded = try Console.loadBilan(bilan, for: target.terms)
        let settlement: Settlement
        do {
            settlement = try target.settle(loaded.bilan, asOf: asOf)
        } catch {
            Console.err("\(bilan): erreur: \(error)")
            throw Console.failure
        }
        let report: Report
        do {
            report = try SettlementReport.build(settlement, terms: target.terms, explain: explain, asOf: asOf)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }
}
