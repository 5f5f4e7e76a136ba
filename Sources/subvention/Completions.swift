import ArgumentParser
import Foundation
import SubventionConventions
import SubventionCore

/// Completion of values read from the command line being typed (complétion) : the sections a report has, the
/// structures and operations of the programme named, the `--what-if` keys of the convention named.
///
/// The shell calls `subvention ---completion …` with the words typed so far; a file that cannot be read gives no
/// completion (a completion never prints an error in the middle of the line being typed).
enum Completions {
    /// The CSV sections (tables) of each command's report, by subcommand name.
    static let sections: [String: [String]] = [
        "report": ["conventions", "financeurs", "calendrier", "echeances", "obligations", "operations", "territoires", "constats"],
        "batch": ["lignes", "operations", "territoires", "totaux"],
        "budget": ["autorisations-engagement", "credits-paiement", "exercices"],
        "entitlement": ["versements", "a-envoyer"],
        "schedule": ["echeancier", "vie-dates", "explication"],
        "settle": ["composantes", "reglement", "exigibilite", "obligations", "vie-dates", "vie-resiliation", "explication"],
        "explain": ["composantes", "reglement", "exigibilite", "obligations", "vie-dates", "vie-resiliation", "explication"],
        "check": ["fichiers", "constats"],
    ]

    static let section = CompletionKind.custom { words, _, prefix in
        let command = words.first { sections[$0] != nil } ?? ""
        return (sections[command] ?? []).filter { $0.hasPrefix(prefix) }
    }

    static let structure = CompletionKind.custom { words, _, prefix in
        programme(in: words).map { rows in unique(rows.map(\.structure)).filter { $0.hasPrefix(prefix) } } ?? []
    }

    static let operation = CompletionKind.custom { words, _, prefix in
        guard let rows = programme(in: words) else { return [] }
        let structure = value(of: "--structure", in: words)
        return unique(rows.filter { structure == nil || $0.structure == structure }.map(\.operation)).filter { $0.hasPrefix(prefix) }
    }

    /// `etp=`, `cout-mission=`, `bilan-recu=`: the inputs and the events of the convention (or of the structure's
    /// model) named on the line.
    static let whatIf = CompletionKind.custom { words, _, prefix in
        // Optional lookup: shell completion offers nothing for a file it cannot load; the command itself reports why.
        guard let file = yamlFile(in: words),
            let (target, _) = try? SettlementTarget.load(
                file, structure: value(of: "--structure", in: words), operation: value(of: "--operation", in: words), asOf: nil)
        else { return [] }
        let keys = target.terms.inputs.map(\.key) + EntitlementCommand.events(of: target.terms)
        return keys.map { $0 + "=" }.filter { $0.hasPrefix(prefix) }
    }

    /// The first existing `.yaml` file among the words.
    static func yamlFile(in words: [String]) -> String? {
        words.first { $0.hasSuffix(".yaml") && FileManager.default.fileExists(atPath: $0) }
    }

    /// The word after `option`.
    static func value(of option: String, in words: [String]) -> String? {
        guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
        return words[index + 1]
    }

    /// The rows of the programme named on the line.
    static func programme(in words: [String]) -> [ProgrammeRow]? {
        // Optional lookup: shell completion offers nothing for a file it cannot load; the command itself reports why.
        guard let file = yamlFile(in: words), let (loaded, _) = try? ConventionFiles.load(path: file),
            case .programme(let programme) = loaded
        else { return nil }
        return programme.rows
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
