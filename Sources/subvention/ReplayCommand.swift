import ArgumentParser
import SubventionCSV
import SubventionScenarios

/// `subvention replay`: runs auditors' scenario files and shows a diff for each failure.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rejoue des scénarios (fichiers ou dossiers) et compare au centime près.",
        discussion: """
            Code de sortie 0 si tous passent, 1 sinon, 2 si un chemin, un scénario ou la convention qu'il nomme est \
            illisible (le diagnostic est affiché ; aucun scénario n'est ignoré en silence).
            """)

    @Argument(help: "Fichiers de scénario ou dossiers (parcourus récursivement).")
    var paths: [String] = ["Examples"]

    @Option(name: .long, help: "Écrit aussi un rapport JUnit XML dans ce fichier (pour l'intégration continue).")
    var junit: String?

    func run() throws {
        var files: [String] = []
        for path in paths {
            do {
                files += try ScenarioRunner.scenarioFiles(at: path)
            } catch {
                Console.report(error.diagnostics)
                throw Console.unreadable
            }
        }
        var results: [ScenarioResult] = []
        for file in files {
            let result = ScenarioRunner.run(path: file)
            results.append(result)
            Console.out("\(result.passed ? "ok    " : "ÉCHEC ") \(result.name) (\(file))\n")
            if !result.passed || !result.notes.isEmpty { Console.out(result.report + "\n") }
            if result.isUnreadable, let error = result.error { Console.err(error) }
        }
        let failed = results.filter { !$0.passed }.count
        Console.out("\(results.count) scénario(s), \(results.count - failed) réussi(s), \(failed) en échec\n")
        if let junit {
            do {
                try CSVFile.write(Array(JUnitReport.xml(results).utf8), to: junit)
            } catch {
                Console.err(error.description)
                throw Console.unreadable
            }
        }
        if results.contains(where: \.isUnreadable) { throw Console.unreadable }
        if failed > 0 { throw Console.failure }
    }
}
