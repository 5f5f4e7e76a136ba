import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention settle`: the dotation due from a bilan, then the solde or the reversement.
struct SettleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Calcule le règlement d'une convention à partir d'un bilan : dotation due, solde ou reversement.",
        discussion: "Code de sortie 1 si le calcul est refusé (majoration au-delà du plafond, entrée manquante…).")

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Fichier de bilan (format: subvention/bilan 1) ; sans lui, le registre.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String?

    @OptionGroup var register: RegisterOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : avenants en vigueur et obligations en retard à cette date ; sans date, tous les avenants et aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @Flag(name: .long, help: "Affiche aussi le calcul pas à pas, chaque étape citant sa clause.")
    var explain = false

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        try Self.settle(
            file: file, target: target, bilan: bilan, register: register, asOf: asOf, explain: explain, output: output)
    }

    static func settle(
        file: String, target options: StructureOptions, bilan: String?, register: RegisterOptions,
        asOf: CalendarDate?, explain: Bool, output: ReportOutputOptions
    ) throws {
        let target = try options.load(file, asOf: asOf)
        let source: (bilan: Bilan, name: String, header: String?)
        if let bilan {
            source = (try Console.loadBilan(bilan, for: target.terms).bilan, bilan, nil)
        } else if let recorded = try register.bilan(for: target, structure: options.structure, operation: options.operation) {
            source = (recorded.bilan, register.inUse ?? RegisterOptions.defaultFile, recorded.header)
        } else {
            Console.err("erreur: donnez un bilan (--bilan FICHIER) ou un registre (--registre FICHIER)")
            throw Console.unreadable
        }
        let settlement: Settlement
        do {
            settlement = try target.settle(source.bilan, asOf: asOf)
        } catch {
            Console.err("\(source.name): erreur: \(error)")
            throw Console.failure
        }
        var report: Report
        do {
            report = try SettlementReport.build(settlement, terms: target.terms, explain: explain, asOf: asOf)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        if let header = source.header { report.subtitle.append(header) }
        try output.write(report)
    }
}
