import ArgumentParser
import SubventionCore
import SubventionRegister
import SubventionReports

/// `subvention registre etat`: the états for the accounting service.
struct RegisterStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etat",
        abstract: "États pour le service comptable : mandats à émettre, titres de recettes à émettre.",
        subcommands: [RegisterMandatesStatement.self, RegisterReceiptOrdersStatement.self])
}

/// Options of the états: the conventions, the register, the date, the output.
struct StatementOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Fichiers ou dossiers de conventions et de programmes.", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @Option(name: .long, help: ArgumentHelp("Date de situation (AAAA-MM-JJ ou JJ/MM/AAAA ; aujourd'hui par défaut).", valueName: "date"))
    var au: CalendarDate?

    @OptionGroup var register: RegisterOptions

    @OptionGroup var output: ReportOutputOptions

    /// The portfolio with the register's bilans, the ledger and the header line.
    func load() throws -> (PortfolioLoader, RegisterLedger, String, CalendarDate) {
        let date = au ?? ReportCommand.today
        let store = try RegisterOptions.open(register.resolved, create: false)
        let entries: [RegisterEntry]
        let summary: RegisterSummary
        do {
            (entries, summary) = try store.read { reader throws(RegisterError) in
                (try reader.entries(), try reader.summary(path: store.path))
            }
        } catch {
            Console.err("\(store.path): erreur: \(error)")
            throw Console.unreadable
        }
        let ledger = RegisterLedger(entries)
        let portfolio = PortfolioLoader(paths: paths, bilans: nil, asOf: date, register: (ledger, store.path))
        if portfolio.unreadable { throw Console.unreadable }
        return (portfolio, ledger, summary.french, date)
    }
}

/// `registre etat mandats`: échéances exigibles and not paid at a date.
struct RegisterMandatesStatement: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandats",
        abstract: "Mandats à émettre : les échéances exigibles et non versées à la date --au.")

    @OptionGroup var options: StatementOptions

    func run() throws {
        let (portfolio, _, header, date) = try options.load()
        do {
            try options.output.write(
                RegisterReports.mandates(
                    conventions: portfolio.conventions, programmes: portfolio.programmes, asOf: date, header: header))
        } catch let error as EngineError {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
    }
}

/// `registre etat titres`: reversements due, less the titres already recorded.
struct RegisterReceiptOrdersStatement: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "titres",
        abstract: "Titres de recettes à émettre : les reversements dus à la date --au, moins les titres déjà enregistrés.")

    @OptionGroup var options: StatementOptions

    func run() throws {
        let (portfolio, ledger, header, date) = try options.load()
        do {
            try options.output.write(
                RegisterReports.receiptOrders(
                    conventions: portfolio.conventions, programmes: portfolio.programmes, ledger: ledger, asOf: date,
                    header: header))
        } catch let error as EngineError {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
    }
}
