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
            (Examples/bilans par défaut s'il existe). Code de sortie 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de conventions et de programmes.", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @Option(name: .long, help: ArgumentHelp("Dossier des bilans (un par convention) : événements datés, versements, réalisations.", valueName: "dossier"), completion: .directory)
    var bilans: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de situation (AAAA-MM-JJ ou JJ/MM/AAAA ; aujourd'hui par défaut).", valueName: "date"))
    var asOf: CalendarDate?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let date = asOf ?? Self.today
        let defaultBilans = FileManager.default.fileExists(atPath: "Examples/bilans") ? "Examples/bilans" : nil
        let portfolio = PortfolioLoader(paths: paths, bilans: bilans ?? defaultBilans, asOf: date)
        if portfolio.unreadable { throw Console.unreadable }
        let report: Report
        do {
            report = try PortfolioReport.build(conventions: portfolio.conventions, programmes: portfolio.programmes, asOf: date)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }

    /// Today in the local calendar.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
