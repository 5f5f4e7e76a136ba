import ArgumentParser
import Foundation
import SubventionCSV
import SubventionReports
import SubventionScenarios

/// `subvention replay`: runs auditors' scenario files and shows a diff for each failure.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rejoue des scénarios (fichiers ou dossiers) et compare au centime près.",
        discussion: """
            Pour chaque écart : attendu, obtenu, écart signé, ligne de la valeur attendue dans le scénario et \
            « pourquoi » du scénario ; à la fin, la liste des scénarios en échec. Le chemin de la convention d'un \
            scénario est lu depuis le dossier du scénario, puis depuis le dossier courant. \
            Code de sortie 0 si tous passent, 1 sinon, 2 si un chemin, un scénario ou la convention qu'il nomme est \
            illisible (le diagnostic est affiché ; aucun scénario n'est ignoré en silence).
            """)

    @Argument(help: ArgumentHelp("Fichiers de scénario ou dossiers (parcourus récursivement).", valueName: "chemin"), completion: .file(extensions: ["yaml"]))
    var paths: [String] = ["Examples"]

    @Option(name: .long, help: ArgumentHelp("Écrit aussi un rapport JUnit XML dans ce fichier (pour l'intégration continue).", valueName: "fichier"), completion: .file(extensions: ["xml"]))
    var junit: String?

    @Option(name: .customLong("filtre"), help: ArgumentHelp("Ne rejoue que les scénarios dont le nom contient ce texte (sans tenir compte des majuscules).", valueName: "texte"))
    var filter: String?

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
        let colour = Console.standardOutputIsColourTerminal
        var results: [ScenarioResult] = []
        for file in files {
            let result = ScenarioRunner.run(path: file)
            // A scenario that could not be read has no name to filter on: it is always shown.
            if let filter, result.error == nil, !result.name.lowercased().contains(filter.lowercased()) { continue }
            results.append(result)
            let mark = result.passed ? Self.paint("ok    ", "32", colour) : Self.paint("ÉCHEC ", "1;31", colour)
            Console.out("\(mark) \(result.name) (\(file))\n")
            if !result.passed || !result.notes.isEmpty { Console.out(result.report + "\n") }
            if result.isUnreadable, let error = result.error { Console.err(error) }
        }
        let failed = results.filter { !$0.passed }
        if !failed.isEmpty {
            Console.out("\n" + Self.paint("En échec :", "1;31", colour) + "\n")
            for result in failed { Console.out("  \(result.name) (\(result.path))\n") }
        }
        Console.out(Self.summary(total: results.count, failed: failed.count) + "\n")
        if let filter, results.isEmpty {
            Console.err("erreur : aucun scénario dont le nom contient « \(filter) »")
            throw Console.unreadable
        }
        if let junit {
            let directory = FileManager.default.currentDirectoryPath
            do {
                try CSVFile.write(Array(JUnitReport.xml(results, relativeTo: directory).utf8), to: junit)
            } catch {
                Console.err(error.description)
                throw Console.unreadable
            }
        }
        if results.contains(where: \.isUnreadable) { throw Console.unreadable }
        if !failed.isEmpty { throw Console.failure }
    }

    /// « 12 scénarios, 11 réussis, 1 en échec ».
    static func summary(total: Int, failed: Int) -> String {
        "\(French.count(total, "scénario")), \(French.count(total - failed, "réussi")), \(failed) en échec"
    }

    static func paint(_ text: String, _ style: String, _ colour: Bool) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}
