import ArgumentParser
import SubventionCSV
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention batch`: every row of a programme's structures table, checked and settled.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Calcule un tableau de structures : montant (quantité × taux), écart avec l'imprimé, avance, solde ou titre de recettes.",
        discussion: """
            Le tableau est celui du programme (clé tableau.fichier) ou celui donné par --table, avec les mêmes colonnes ; \
            les colonnes facultatives de réalisation et d'avance (tableau.valeurs, tableau.parametres) permettent le règlement \
            de chaque ligne. Code de sortie 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichier de programme (format: subvention/programme 1).", valueName: "programme"), completion: .file(extensions: ["yaml"]))
    var programme: String

    @Option(name: .long, help: ArgumentHelp("Tableau CSV à utiliser à la place de celui du programme (« ; » ou « , », UTF-8).", valueName: "tableau"), completion: .file(extensions: ["csv"]))
    var table: String?

    @Option(name: .customLong("avance-part"), help: ArgumentHelp("Avance des lignes qui n'en donnent pas, en part du montant (ex. « 50 % »).", valueName: "part"))
    var avancePart: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : obligations en retard à cette date ; sans date, aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let loaded = try load()
        let checker: ProgrammeChecker
        let findings: [Finding]
        do {
            checker = try ProgrammeChecker(loaded.programme, rows: loaded.rows)
            findings = try checker.findings()
        } catch {
            Console.err("\(programme): erreur: \(error)")
            throw Console.failure
        }
        let share = try avanceShare()
        var progress = Progress(total: loaded.rows.count, label: "lignes calculées")
        var evaluations: [RowEvaluation] = []
        evaluations.reserveCapacity(loaded.rows.count)
        for (index, row) in loaded.rows.enumerated() {
            var defaults: [String: Money] = [:]
            do {
                if let share { defaults["avance"] = try row.declaredAmount.multiplied(by: share, rounding: .nearestCent) }
                evaluations.append(try checker.evaluator.evaluate(row, defaultParameters: defaults, asOf: asOf))
            } catch {
                Console.err("\(loaded.tablePath ?? programme):\(row.line): erreur: \(error)")
                throw Console.failure
            }
            progress.update(index + 1)
        }
        progress.finish()
        let report: Report
        do {
            report = try BatchReport.build(
                programme: loaded.programme, evaluations: evaluations, findings: findings, asOf: asOf, tableFile: loaded.tablePath)
        } catch {
            Console.err("\(loaded.tablePath ?? programme): erreur: total impossible à calculer : \(error)")
            throw Console.failure
        }
        try output.write(report)
    }

    func load() throws -> LoadedProgramme {
        do {
            let text = try ConventionFiles.readText(path: programme)
            let directory = programme.contains("/") ? String(programme[..<programme.lastIndex(of: "/")!]) : "."
            let override = table
            let (loaded, warnings) = try ConventionFiles.programme(text: text, file: programme) { (name) throws(CSVError) in
                let path = override ?? (name.hasPrefix("/") ? name : "\(directory)/\(name)")
                return TableFile(path: path, bytes: try CSVFile.read(path: path))
            }
            Console.report(warnings)
            var result = loaded
            if let override { result.tablePath = override }
            return result
        } catch {
            Console.report(error.diagnostics)
            throw Console.unreadable
        }
    }

    func avanceShare() throws -> Rational? {
        guard let avancePart else { return nil }
        do {
            return try Rational(parsingShare: avancePart)
        } catch {
            Console.err("erreur: --avance-part : \(error)")
            throw Console.unreadable
        }
    }
}
