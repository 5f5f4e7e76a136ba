import ArgumentParser
import Foundation
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

            En --format csv ou jsonl (section « lignes », par défaut), le tableau est lu et calculé par morceaux, sur \
            tous les cœurs, et écrit dans son ordre : la mémoire reste constante quelle que soit sa taille (10⁷ lignes). Les formats qui gardent \
            tout (texte, json, markdown, html, xlsx, et les autres sections) calculent chaque ligne avec sa trace et \
            s'arrêtent au-delà de \(BatchCommand.tracedRowLimit) lignes. --expliquer LIGNE donne le calcul détaillé d'une ligne.
            """)

    /// Above this many rows, the formats that hold the whole report are refused (use CSV, which streams).
    static let tracedRowLimit = 100_000

    @Argument(help: ArgumentHelp("Fichier de programme (format: subvention/programme 1).", valueName: "programme"), completion: .file(extensions: ["yaml"]))
    var programme: String

    @Option(name: .long, help: ArgumentHelp("Tableau CSV à utiliser à la place de celui du programme (« ; » ou « , », UTF-8).", valueName: "tableau"), completion: .file(extensions: ["csv"]))
    var table: String?

    @Option(name: .customLong("avance-part"), help: ArgumentHelp("Avance des lignes qui n'en donnent pas, en part du montant (ex. « 50 % ») : remplit le paramètre de l'échéance d'avance du modèle.", valueName: "part"))
    var avancePart: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : obligations en retard à cette date ; sans date, aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .customLong("expliquer"), help: ArgumentHelp("Donne le calcul détaillé (avec sa trace) de cette ligne du tableau (numéro de la colonne « ligne », ou de ligne du fichier).", valueName: "ligne"))
    var expliquer: String?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        if let expliquer { return try explain(line: expliquer) }
        if output.format == .csv || output.format == .jsonl, output.section == nil || output.section == "lignes" {
            return try stream()
        }
        let header = try load(headerOnly: true, quiet: true)
        if let layout = header.tableLayout {
            let path = layout.file
            var count = -1
            do {
                try CSVReader.forEachRecord(path: path, delimiter: layout.delimiter) { (_, _) throws(CSVError) in count += 1 }
            } catch {
                Console.err(error.description)
                throw Console.unreadable
            }
            guard count <= Self.tracedRowLimit else {
                Console.err(
                    "\(path): erreur: \(count) lignes : au-delà de \(Self.tracedRowLimit) lignes, le format \(output.format.rawValue) "
                        + "(qui garde tout le rapport en mémoire) est refusé ; utilisez --format csv (calcul par morceaux, "
                        + "mémoire constante) et --expliquer LIGNE pour le détail d'une ligne")
                throw Console.failure
            }
        }
        let loaded = try load()
        let checker: ProgrammeChecker
        let findings: [Finding]
        do {
            checker = try ProgrammeChecker(loaded.programme, rows: loaded.rows)
            // A --table of realised figures is not the table the programme's totals print.
            findings = try checker.findings(printedTotals: table == nil)
        } catch {
            Console.err("\(programme): erreur: \(error)")
            throw Console.failure
        }
        let share = try avanceShare()
        var progress = Progress(total: loaded.rows.count, label: "lignes calculées")
        var evaluations: [RowEvaluation] = []
        evaluations.reserveCapacity(loaded.rows.count)
        for (index, row) in loaded.rows.enumerated() {
            do {
                let defaults = try checker.evaluator.defaultParameters(for: row, avanceShare: share)
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

    /// Streams the table to the output as CSV or JSON lines (see ``BatchStream``).
    func stream() throws {
        let batch = try streamedTable()
        let layout = batch.layout
        var progress = Progress(total: 0, label: "lignes calculées")
        var findings: [Finding] = []
        do {
            try OutputFile.stream(to: output.output) { sink in
                let workers = ProcessInfo.processInfo.activeProcessorCount
                if output.format == .jsonl {
                    findings = try batch.write(
                        { JSONLineWriter() }, workers: workers, printedTotals: table == nil, into: &sink, progress: &progress)
                } else {
                    let dialect = output.csvDialect.dialect
                    findings = try batch.write(
                        { CSVLineWriter(dialect: dialect) }, workers: workers, printedTotals: table == nil, into: &sink,
                        progress: &progress)
                }
            }
            progress.finish()
            // The « constats » section of the other formats: the output holds only the rows, so on standard error.
            for finding in findings where finding.severity >= .warning {
                Console.err("\(programme): \(finding.severity.frenchLabel) : \(finding.message)")
            }
        } catch let failure as BatchStream.Failure {
            progress.finish()
            try report(failure, file: layout.file)
        } catch let error as OutputError {
            progress.finish()
            Console.err(error.description)
            throw Console.unreadable
        }
    }

    /// `--expliquer LIGNE`: the traced settlement of one row, read from the table as a stream.
    func explain(line wanted: String) throws {
        let batch = try streamedTable()
        let (layout, evaluator) = (batch.layout, batch.evaluator)
        var found: ProgrammeRow?
        do {
            try batch.rows { row, _, _ in
                if found == nil, (row.sourceLine ?? String(row.line)) == wanted || String(row.line) == wanted { found = row }
            }
        } catch let failure as BatchStream.Failure {
            try report(failure, file: layout.file)
        }
        guard let row = found else {
            Console.err("\(layout.file): erreur: aucune ligne « \(wanted) » dans le tableau (colonne « ligne » ou numéro de ligne du fichier)")
            throw Console.unreadable
        }
        let report: Report
        do {
            // The row's own parameters first, then its model's avance as the share of --avance-part.
            let parameters = row.parameters.merging(
                try evaluator.defaultParameters(for: row, avanceShare: try avanceShare())) { own, _ in own }
            let settlement = try evaluator.settle(row, bilan: Bilan(values: row.values, parameters: parameters), asOf: asOf)
            report = try SettlementReport.build(settlement, terms: try evaluator.terms(for: row), explain: true, asOf: asOf)
        } catch {
            Console.err("\(layout.file):\(row.line): erreur: \(error)")
            throw Console.failure
        }
        try output.write(report)
    }

    /// The programme loaded with only its table's header, ready to stream the table (``BatchStream``).
    func streamedTable() throws -> BatchStream {
        let loaded = try load(headerOnly: true)
        guard let layout = loaded.tableLayout else {
            Console.err("\(programme): erreur: le programme n'a pas de tableau des structures (clé tableau)")
            throw Console.unreadable
        }
        let evaluator: ProgrammeEvaluator
        do {
            evaluator = try ProgrammeEvaluator(loaded.programme)
        } catch {
            Console.err("\(programme): erreur: \(error)")
            throw Console.failure
        }
        let batch = BatchStream(
            programme: loaded.programme, layout: layout, evaluator: evaluator, avanceShare: try avanceShare(), asOf: asOf)
        return batch
    }

    /// Reports a stream's failure: its diagnostics (then how many were left out) and exit 2, or the refused row and
    /// exit 1.
    func report(_ failure: BatchStream.Failure, file: String) throws -> Never {
        switch failure {
        case .unreadable(let diagnostics, let omitted):
            Console.report(diagnostics)
            if omitted > 0 {
                Console.err(
                    "\(file): \(omitted) autre(s) diagnostic(s) non affiché(s) (les \(BatchStream.maximumDiagnostics) premiers le sont)")
            }
            throw Console.unreadable
        case .refused(let message):
            Console.err(message)
            throw Console.failure
        }
    }

    /// Loads the programme and its table; with `headerOnly`, only the table's header is read (the rows are then
    /// streamed, see ``BatchStream``).
    func load(headerOnly: Bool = false, quiet: Bool = false) throws -> LoadedProgramme {
        do {
            let text = try ConventionFiles.readText(path: programme)
            let directory = programme.contains("/") ? String(programme[..<programme.lastIndex(of: "/")!]) : "."
            let override = table
            let (loaded, warnings) = try ConventionFiles.programme(text: text, file: programme) { (name) throws(CSVError) in
                let path = override ?? (name.hasPrefix("/") ? name : "\(directory)/\(name)")
                return TableFile(path: path, bytes: headerOnly ? try CSVFile.readHeader(path: path) : try CSVFile.read(path: path))
            }
            if !quiet { Console.report(warnings) }
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
