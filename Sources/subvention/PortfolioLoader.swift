import Foundation
import SubventionConventions
import SubventionCore
import SubventionReports

/// Loads the conventions, programmes and bilans of a portfolio, printing diagnostics as it goes.
struct PortfolioLoader {
    var conventions: [PortfolioEntry] = []
    var programmes: [ProgrammeEntry] = []
    var unreadable = false

    init(paths: [String], bilans: String?, asOf: CalendarDate?) {
        var byID: [String: Int] = [:]
        for path in paths {
            let files: [String]
            do {
                files = try ConventionFiles.files(at: path)
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
                continue
            }
            for file in files { load(file, asOf: asOf, byID: &byID) }
        }
        if let bilans { attachBilans(bilans, byID: byID) }
    }

    mutating func load(_ file: String, asOf: CalendarDate?, byID: inout [String: Int]) {
        do {
            let (loaded, warnings) = try ConventionFiles.load(path: file)
            Console.report(warnings)
            switch loaded {
            case .convention(let convention):
                let compiled = try CompiledConvention(convention, at: asOf)
                let findings = ConventionChecker(try CompiledConvention(convention)).findings()
                byID[convention.id] = conventions.count
                conventions.append(PortfolioEntry(file: file, convention: compiled, findings: findings))
            case .programme(let programme):
                let checker = try ProgrammeChecker(programme.programme, rows: programme.rows)
                programmes.append(
                    ProgrammeEntry(file: file, evaluator: checker.evaluator, rows: programme.rows, findings: try checker.findings()))
            case .bilan:
                break
            }
        } catch let failure as LoadFailure {
            Console.report(failure.diagnostics)
            unreadable = true
        } catch {
            Console.err("\(file): erreur: \(error)")
            unreadable = true
        }
    }

    /// Reads every bilan under `directory` and attaches it to its convention (one bilan per convention).
    mutating func attachBilans(_ directory: String, byID: [String: Int]) {
        guard let files = try? ConventionFiles.files(at: directory) else {
            Console.err("\(directory): erreur: dossier de bilans introuvable")
            unreadable = true
            return
        }
        var attached: [String: String] = [:]
        for file in files {
            guard let text = try? ConventionFiles.readText(path: file),
                ConventionFiles.format(of: text) == ConventionFiles.bilanFormat
            else { continue }
            guard let id = Self.conventionID(in: text), let index = byID[id] else {
                Console.err("\(file): avertissement: bilan d'une convention absente du portefeuille, ignoré")
                continue
            }
            if let previous = attached[id] {
                Console.err("\(file): erreur: deuxième bilan pour « \(id) » (déjà lu : \(previous))")
                unreadable = true
                continue
            }
            do {
                let (bilan, warnings) = try ConventionFiles.bilan(text: text, file: file, for: conventions[index].convention.convention)
                Console.report(warnings)
                conventions[index].bilan = bilan.bilan
                conventions[index].bilanFile = file
                attached[id] = file
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
            }
        }
    }

    /// The `convention:` of a bilan's text, read without the convention.
    static func conventionID(in text: String) -> String? {
        text.split(separator: "\n").lazy.compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("convention:") else { return nil }
            return trimmed.dropFirst("convention:".count).split(separator: "#").first.map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
        }.first
    }
}
