import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention check`: validates files and checks the documents' own arithmetic.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Valide des fichiers de convention et vérifie l'arithmétique des documents.",
        discussion: """
            Chaque constat a une gravité (erreur, avertissement, info) et cite la clause du document. \
            Code de sortie 1 si un constat est de gravité « erreur », 2 si un fichier est illisible.
            """)

    @Argument(help: ArgumentHelp("Fichiers de convention, de programme ou de budget, ou dossiers (parcourus récursivement).", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        var unreadable = false
        var worst = Severity.info
        var results: [(file: String, findings: [Finding])] = []
        var loadedFiles: [LoadedFile] = []
        var read: [(file: String, convention: Convention)] = []
        for path in paths {
            let files: [String]
            do {
                files = try ConventionFiles.files(at: path)
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
                continue
            }
            for file in files where !ConventionFiles.isBudget(path: file) {
                do {
                    let (loaded, warnings) = try ConventionFiles.load(path: file)
                    Console.report(warnings)
                    loadedFiles.append(loaded)
                    if case .convention(let convention) = loaded { read.append((file, convention)) }
                    let findings = try Self.findings(of: loaded)
                    worst = max(worst, findings.map(\.severity).max() ?? .info)
                    results.append((file, findings))
                } catch let failure as LoadFailure {
                    Console.report(failure.diagnostics)
                    unreadable = true
                } catch let error as EngineError {
                    Console.err("\(file): erreur: \(error)")
                    worst = .error
                }
            }
        }
        // Conventions liées: each condition against the other convention, when it was read too.
        let byID = Dictionary(read.map { ($0.convention.id, $0.convention) }) { first, _ in first }
        for (file, convention) in read {
            let problems = LinkedConventions.diagnostics(of: convention, file: file, among: byID)
            Console.report(problems)
            if problems.contains(where: { $0.severity == .error }) { unreadable = true }
        }
        let budgets = Self.checkBudgets(paths: paths, loaded: loadedFiles)
        (worst, unreadable, results) = (max(worst, budgets.worst), unreadable || budgets.unreadable, results + budgets.results)
        // Nothing could be read: an empty report would look like a clean check; the errors above say it all.
        if unreadable, results.isEmpty { throw Console.unreadable }
        try output.write(CheckReport.build(results))
        if unreadable { throw Console.unreadable }
        if worst == .error { throw Console.failure }
    }

    static func findings(of loaded: LoadedFile) throws(EngineError) -> [Finding] {
        switch loaded {
        case .convention(let convention):
            return ConventionChecker(try CompiledConvention(convention)).findings()
        case .programme(let programme):
            return try ProgrammeChecker(programme.programme, rows: programme.rows).findings()
        case .bilan:
            return []
        }
    }
}
