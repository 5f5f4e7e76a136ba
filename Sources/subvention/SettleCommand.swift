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
        if options.financeur == nil, options.structure == nil, let financeurs = Self.cofinancers(of: file) {
            return try settleShares(
                file: file, financeurs: financeurs, options: options, bilan: bilan, asOf: asOf, explain: explain,
                output: output)
        }
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
            report = try SettlementReport.build(settlement, terms: target.reportTerms, explain: explain, asOf: asOf)
        } catch {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }

    /// The financeurs of a co-financed convention file, `nil` for any other file (or one that does not load: the
    /// ordinary path reports why).
    static func cofinancers(of file: String) -> [String]? {
        // Optional lookup: a file that does not load is not co-financed here; the ordinary path reports why.
        guard case .convention(let convention)? = try? ConventionFiles.load(path: file).0, convention.isCofinanced
        else { return nil }
        return convention.cofinancers.map(\.id)
    }

    /// A co-financed convention settled financeur by financeur from the one bilan: each financeur's settlement,
    /// then a table of each one's due, paid and solde.
    static func settleShares(
        file: String, financeurs: [String], options: StructureOptions, bilan: String, asOf: CalendarDate?,
        explain: Bool, output: ReportOutputOptions
    ) throws {
        var settlements: [(SettlementTarget, Settlement)] = []
        for financeur in financeurs {
            let target = try options.load(file, asOf: asOf, financeur: financeur)
            let loaded = try Console.loadBilan(bilan, for: target.terms)
            do {
                settlements.append((target, try target.settle(loaded.bilan, asOf: asOf)))
            } catch {
                Console.err("\(bilan): erreur: \(error)")
                throw Console.failure
            }
        }
        do {
            try output.write(
                try SettlementReport.build(
                    shares: settlements.map { ($0.0.reportTerms, $0.1) }, terms: settlements[0].0.terms, explain: explain,
                    asOf: asOf))
        } catch let error as EngineError {
            Console.err("\(file): erreur: \(error)")
            throw Console.failure
        }
    }
}
