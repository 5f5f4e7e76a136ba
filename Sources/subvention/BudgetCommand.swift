import ArgumentParser
import Foundation
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention budget`: AE and CP per imputation and exercice, against the budget files.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Budget : AE votée, engagée et disponible ; CP prévus, mandatés et restes à réaliser, par imputation et exercice.",
        discussion: """
            Lit les budgets (format subvention/budget 1), les conventions et programmes donnés (Conventions/ par \
            défaut) et les bilans du dossier --bilans (Examples/bilans par défaut s'il existe) : les CP mandatés sont \
            les versements des bilans (l'avance donnée en paramètre d'une structure compte comme versée). \
            L'exercice d'une échéance est l'année de sa date. Code de sortie 1 si des engagements dépassent \
            l'AE d'une ligne, 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de budgets, de conventions et de programmes.", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @Option(name: .long, help: ArgumentHelp("Dossier des bilans (un par convention) : événements datés et versements.", valueName: "dossier"), completion: .directory)
    var bilans: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de situation (AAAA-MM-JJ ou JJ/MM/AAAA ; aujourd'hui par défaut) : son année est l'exercice en cours.", valueName: "date"))
    var asOf: CalendarDate?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let date = asOf ?? ReportCommand.today
        let defaultBilans = FileManager.default.fileExists(atPath: "Examples/bilans") ? "Examples/bilans" : nil
        let portfolio = PortfolioLoader(
            paths: paths.filter { !ConventionFiles.isBudget(path: $0) }, bilans: bilans ?? defaultBilans, asOf: date)
        var unreadable = portfolio.unreadable
        var budgets: [Budget] = []
        for path in paths {
            do {
                for file in try ConventionFiles.budgetFiles(at: path) {
                    do {
                        let (budget, warnings) = try ConventionFiles.loadBudget(path: file)
                        Console.report(warnings)
                        budgets.append(budget)
                    } catch {
                        Console.report(error.diagnostics)
                        unreadable = true
                    }
                }
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
            }
        }
        if unreadable { throw Console.unreadable }
        let report: Report
        let findings: [Finding]
        do {
            var commitments: [BudgetCommitment] = []
            for entry in portfolio.conventions {
                commitments += try BudgetCommitment.commitments(
                    of: entry.convention, bilan: entry.bilan, payments: Self.paidCredits(of: entry.bilan))
            }
            for programme in portfolio.programmes {
                commitments += try BudgetCommitment.commitments(
                    of: programme.evaluator, rows: programme.rows, bilans: programme.bilans,
                    payments: { Self.paidCredits(of: programme.bilans[$0]) })
            }
            let ledger = try BudgetLedger(budgets: budgets, commitments: commitments)
            var all = ledger.findings
            for budget in budgets { all += try BudgetChecker(budget, commitments: commitments).findings() }
            findings = all
            report = try BudgetReport.build(ledger: ledger, findings: findings, asOf: date)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
        if findings.contains(where: { $0.severity == .error }) { throw Console.failure }
    }

    /// The payments made under a convention or a programme row (CP mandatés): today its bilan's `versements`.
    ///
    /// The one place where mandated credits come from, so that a register of payments can replace it.
    static func paidCredits(of bilan: Bilan?) -> [Payment] {
        bilan?.payments ?? []
    }
}
