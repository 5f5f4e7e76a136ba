import ArgumentParser
import SubventionConventions
import SubventionCore
import SubventionReports

/// `subvention export scdl`: the SCDL « Subventions » open-data file of the conventions and programmes given.
struct ExportSCDLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scdl",
        abstract: "Données essentielles des conventions au format SCDL « Subventions » 2.1.1 (CSV UTF-8, 16 colonnes).",
        discussion: """
            Une ligne par convention et une par structure du tableau d'un programme. Les valeurs viennent de la \
            convention et de sa clé « publication: » (SIRET, RNA, date de la convention, décision, nature…) ; aucune \
            n'est inventée. S'il manque une valeur obligatoire, la commande nomme chaque convention et chaque colonne, \
            n'écrit rien et sort avec le code 1 ; avec --partiel, elle écrit les lignes complètes, liste les autres et \
            sort avec le code 0. Code de sortie 2 si un fichier est illisible ou si la sortie ne peut être écrite.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de conventions et de programmes.", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Conventions"]

    @Option(name: .long, help: ArgumentHelp("Écrit le fichier CSV ici, en entier ou pas du tout (sinon sur la sortie standard).", valueName: "fichier"), completion: .file())
    var output: String?

    @Flag(name: .long, help: "Écrit les lignes complètes et liste les autres au lieu de ne rien écrire.")
    var partiel = false

    func run() throws {
        var records: [SCDLRecord] = []
        var unreadable = false
        for path in paths {
            let files: [String]
            do {
                files = try ConventionFiles.files(at: path)
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
                continue
            }
            for file in files {
                do {
                    records += try Self.records(file)
                } catch let failure as LoadFailure {
                    Console.report(failure.diagnostics)
                    unreadable = true
                } catch {
                    Console.err("\(file): erreur: \(error)")
                    unreadable = true
                }
            }
        }
        if unreadable { throw Console.unreadable }
        let incomplete = records.filter { !$0.isComplete }
        let severity = partiel ? "avertissement" : "erreur"
        for record in incomplete {
            let problems = record.problems.map { "\($0.column.rawValue) (\($0.reason))" }.joined(separator: " ; ")
            Console.err("\(record.subject): \(severity): SCDL : \(problems)")
        }
        if !incomplete.isEmpty {
            let summary = "\(incomplete.count) ligne(s) sur \(records.count) incomplète(s)"
            guard partiel else {
                Console.err("erreur: \(summary) ; rien n'a été écrit (--partiel écrit les lignes complètes)")
                throw Console.failure
            }
            Console.err("avertissement: \(summary), non écrite(s)")
        }
        try ReportOutputOptions.write(bytes: SCDLExport.csv(records.filter(\.isComplete)), to: output)
    }

    /// The rows of one file: a convention's, or a programme's structures; a bilan has none (said on stderr).
    static func records(_ file: String) throws -> [SCDLRecord] {
        let (loaded, warnings) = try ConventionFiles.load(path: file)
        Console.report(warnings)
        switch loaded {
        case .convention(let convention):
            return [SCDLExport.record(try CompiledConvention(convention), file: file)]
        case .programme(let programme):
            let evaluator = try ProgrammeEvaluator(programme.programme)
            return SCDLExport.records(evaluator, rows: programme.rows, file: file)
        case .bilan:
            Console.err("\(file): remarque: fichier de bilan, sans ligne SCDL")
            return []
        }
    }
}
