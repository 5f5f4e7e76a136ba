import ArgumentParser
import Foundation
import SubventionCSV
import SubventionConventions
import SubventionCore
import SubventionScenarios

/// `subvention record`: pins today's result of a settlement as a scenario file.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Enregistre le résultat d'un règlement comme scénario rejouable (avec l'empreinte de la convention).")

    @Argument(help: ArgumentHelp("Fichier de convention, ou de programme avec --structure.", valueName: "fichier"), completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var target: StructureOptions

    @Option(name: .long, help: ArgumentHelp("Fichier de bilan.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilan: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Date de calcul (AAAA-MM-JJ ou JJ/MM/AAAA) : avenants en vigueur et obligations en retard à cette date ; sans date, tous les avenants et aucune obligation en retard.", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Nom du scénario.", valueName: "nom"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("Fichier de scénario à écrire (refusé s'il existe déjà).", valueName: "fichier"), completion: .file())
    var output: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: output) else {
            Console.err("\(output): erreur: le fichier existe déjà ; choisissez un autre nom (rien n'a été écrit)")
            throw Console.unreadable
        }
        let loaded = try target.load(file, asOf: asOf)
        let bilanFile = try Console.loadBilan(bilan, for: loaded.terms)
        let yaml: String
        do {
            let bilan = bilanFile.bilan
            let schedule = try loaded.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
            let settlement = try loaded.settle(bilan, asOf: asOf)
            yaml = ScenarioRecorder.yaml(
                name: name, conventionReference: Self.relativePath(of: file, from: output),
                fingerprint: FileFingerprint.of(path: file), structure: target.structure, operation: target.operation,
                asOf: asOf, bilan: bilan, schedule: schedule, settlement: settlement, financeur: loaded.share?.cofinancer)
        } catch {
            Console.err("\(bilan): erreur: \(error)")
            throw Console.failure
        }
        do {
            try CSVFile.write(Array(yaml.utf8), to: output)
        } catch {
            Console.err(error.description)
            throw Console.unreadable
        }
        Console.out("scénario enregistré : \(output)\n")
    }

    /// `target` as seen from the directory of `file`.
    static func relativePath(of target: String, from file: String) -> String {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.pathComponents }
        let targetParts = absolute(target)
        let baseParts = Array(absolute(file).dropLast())
        var common = 0
        while common < min(targetParts.count, baseParts.count), targetParts[common] == baseParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        return (ups + targetParts[common...]).joined(separator: "/")
    }
}
