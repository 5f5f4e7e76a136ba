import ArgumentParser
import Foundation
import SubventionCore
import SubventionReports

/// `subvention report`: the portfolio of every convention given.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Portefeuille : montants conventionnés, versés, dus, reste à payer, calendriers des versements et des obligations.",
        discussion: """
            Lit les conventions et programmes donnés (Conventions/ par défaut) et les bilans du dossier --bilans \
            (Examples/bilans par défaut s'il existe), ou le registre : celui de --registre ou de $SUBVENTION_REGISTRE, \
            sinon subvention.sqlite s'il existe dans le dossier courant (les bilans ne sont alors pas lus). \
            Code de sortie 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de conventions et de programmes.", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @Option(name: .long, help: ArgumentHelp("Dossier des bilans (un par convention) : événements datés, versements, réalisations.", valueName: "dossier"), completion: .directory)
    var bilans: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de situation (AAAA-MM-JJ ou JJ/MM/AAAA ; aujourd'hui par défaut).", valueName: "date"))
    var asOf: CalendarDate?

    @OptionGroup var register: RegisterOptions

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let date = asOf ?? Self.today
        let recorded = try register.readInUse()
        if recorded != nil, let bilans {
            Console.err("erreur: --bilans \(bilans) et le registre \(register.inUse ?? "") : les versements viendraient deux fois ; choisissez l'un ou l'autre")
            throw Console.unreadable
        }
        let defaultBilans = FileManager.default.fileExists(atPath: "Examples/bilans") ? "Examples/bilans" : nil
        let portfolio = PortfolioLoader(
            paths: paths, bilans: recorded == nil ? (bilans ?? defaultBilans) : nil, asOf: date,
            register: recorded.map { ($0.ledger, $0.summary.path) })
        if portfolio.unreadable { throw Console.unreadable }
        var report: Report
        do {
            report = try PortfolioReport.build(conventions: portfolio.conventions, programmes: portfolio.programmes, asOf: date)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
        if let recorded { report.subtitle.append(recorded.summary.french) }
        try output.write(report)
    }

    /// Today in the local calendar.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
