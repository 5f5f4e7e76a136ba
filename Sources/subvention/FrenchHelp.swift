import Foundation

/// ArgumentParser's own English phrases, in French: the one place where the help and the usage errors of every
/// command (« aide » et erreurs d'usage) are translated.
///
/// ArgumentParser writes its headings (`OVERVIEW:`, `USAGE:`, `OPTIONS:`…), the help of `--help` and `--version`,
/// `(default: …)` and its parsing errors (« Missing expected argument », « Unknown option … Did you mean … ») in
/// English. ``translate(_:)`` rewrites them with a table of patterns; a phrase wrapped across lines by the help's
/// layout is still found (spaces match any run of white space). Commands added later get French help through it
/// with nothing to do but write their own strings in French.
///
/// ```swift
/// FrenchHelp.translate("Error: Missing expected argument '<fichier>'")
/// // "erreur : argument attendu manquant : « <fichier> »"
/// ```
enum FrenchHelp {
    /// One translation: an English pattern (regular expression) and its French template (`$1`… for captures).
    struct Rule {
        let pattern: NSRegularExpression
        let template: String

        /// `english` is a regular expression in which each space matches any run of white space (help is wrapped).
        init(_ english: String, _ french: String) {
            let flexible = english.replacingOccurrences(of: " ", with: "\\s+")
            // The patterns are constants of this file: a bad one is a programming error caught by the tests.
            pattern = try! NSRegularExpression(pattern: flexible, options: [])
            template = french
        }
    }

    /// ArgumentParser's phrases (swift-argument-parser 1.8: `HelpGenerator`, `UsageGenerator`, `MessageInfo`,
    /// `HelpCommand`), most specific first.
    static let rules: [Rule] = [
        // Headings and fixed help texts.
        Rule(#"OVERVIEW: "#, "RÉSUMÉ : "),
        Rule(#"(?m)^ARGUMENTS:"#, "ARGUMENTS :"),
        Rule(#"(?m)^OPTIONS:"#, "OPTIONS :"),
        Rule(#"(?m)^SUBCOMMANDS:"#, "SOUS-COMMANDES :"),
        Rule(#"Show subcommand help information\."#, "Affiche l'aide d'une sous-commande."),
        Rule(#"Show help information\."#, "Affiche cette aide."),
        Rule(#"Show the version\."#, "Affiche la version et les versions de formats de fichier lues."),
        Rule(#"Dump help information as JSON\."#, "Écrit l'aide en JSON."),
        Rule(#"See '([^']*)' for detailed help\."#, "Voir « $1 » pour l'aide détaillée."),
        Rule(#"See '([^']*)' for more information\."#, "Voir « $1 » pour plus d'informations."),
        Rule(#"<subcommand>"#, "<sous-commande>"),
        Rule(#"\(values: ([^;)]*); default as flag: ([^)]*)\)"#, "(valeurs : $1 ; par défaut comme drapeau : $2)"),
        Rule(#"\(values: ([^;)]*); default: ([^)]*)\)"#, "(valeurs : $1 ; par défaut : $2)"),
        Rule(#"\(values: "#, "(valeurs : "),
        Rule(#"\(default as flag: "#, "(par défaut comme drapeau : "),
        Rule(#"\(default: "#, "(par défaut : "),
        Rule(#"\(default\)"#, "(par défaut)"),
        // Errors.
        Rule(#"(?m)^Error: "#, "erreur : "),
        Rule(#"(?m)^Help: "#, "Aide : "),
        Rule(#"(?m)^Usage: "#, "Utilisation : "),
        Rule(#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "option inconnue « $1 » ; vouliez-vous dire « $2 » ?"),
        Rule(#"Unknown option '([^']*)'"#, "option inconnue « $1 »"),
        Rule(#"Invalid option: "#, "option non valable : "),
        Rule(#"Missing expected argument '([^']*)'"#, "argument attendu manquant : « $1 »"),
        Rule(#"Missing one of: '([^']*)'"#, "il manque l'un de : « $1 »"),
        Rule(#"Missing required subcommand\."#, "sous-commande manquante."),
        Rule(#"Missing value for '([^']*)'"#, "valeur manquante pour « $1 »"),
        Rule(#"Unexpected argument '([^']*)'"#, "argument inattendu « $1 »"),
        Rule(#"(\d+) unexpected arguments: '(.*)'"#, "$1 arguments inattendus : « $2 »"),
        Rule(
            #"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#,
            "l'option « $1 » ne prend pas de valeur, mais « $2 » a été donné."),
        Rule(#"The value '([^']*)' is invalid for '([^']*)'"#, "la valeur « $1 » n'est pas valable pour « $2 »"),
        Rule(#"The value '([^']*)' is invalid\."#, "la valeur « $1 » n'est pas valable."),
        Rule(#"\. Please provide one of the following:"#, " ; valeurs possibles :"),
        Rule(#"\. Please provide one of ([^\n]*)\."#, " ; valeurs possibles : $1."),
        Rule(#"Value to be set with ([^\n]*) had already been set with ([^\n]*)"#, "valeur donnée deux fois : $1, déjà donnée par $2"),
        Rule(#"Internal error\."#, "erreur interne."),
        Rule(#"Unspecified version"#, "version inconnue"),
    ]

    /// `text` with every phrase of ``rules`` in French, and the usage line re-indented under its longer heading.
    static func translate(_ text: String) -> String {
        var result = usageInFrench(text)
        for rule in rules {
            let range = NSRange(result.startIndex..., in: result)
            result = rule.pattern.stringByReplacingMatches(in: result, options: [], range: range, withTemplate: rule.template)
        }
        return quotingValueLists(result)
    }

    /// `text` wrapped at `width` columns between words: a line of the two-column layout (`  --option   help`)
    /// continues under its help, a line of the usage under the command, other lines under their own indentation.
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.count > width else {
                lines.append(line)
                continue
            }
            let characters = Array(line)
            let leading = characters.prefix { $0 == " " }.count
            var indent = leading
            if line.hasPrefix("UTILISATION : ") || line.hasPrefix("Utilisation : ") {
                indent = 14
            } else if leading == 2, characters.count > 26, characters[25] == " ", characters[26] != " ",
                characters[24] == " " || "-<".contains(characters[2])
            {
                indent = 26
            }
            var rest = characters
            var first = true
            while rest.count > width {
                // The last space within the width (after the indentation), else the first one after it.
                let floor = first ? leading : indent
                let candidates = rest.indices.filter { $0 > floor && isBreakable(rest, at: $0) }
                guard let cut = candidates.last(where: { $0 <= width }) ?? candidates.first else { break }
                lines.append(String(String(rest[..<cut]).reversed().drop { $0 == " " }.reversed()))
                let remainder = rest[cut...].drop { $0 == " " }
                rest = Array(repeating: " ", count: indent) + remainder
                first = false
            }
            lines.append(String(rest))
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the space at `index` may end a line: not before French punctuation written with a space (« : »,
    /// « ; », « » », « ? », « ! ») nor after « «.
    static func isBreakable(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == " " else { return false }
        if index > 0, characters[index - 1] == "«" { return false }
        if index + 1 < characters.count, ":;»?!".contains(characters[index + 1]),
            index + 2 == characters.count || characters[index + 2] == " " || characters[index + 2] == "."
        {
            return false
        }
        return true
    }

    /// `USAGE: …` becomes `UTILISATION : …`; its continuation lines (indented by 7, the width of `USAGE: `) are
    /// indented by 14 to stay under the command.
    static func usageInFrench(_ text: String) -> String {
        guard text.contains("USAGE: ") else { return text }
        var lines: [String] = []
        var inUsage = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("USAGE: ") {
                inUsage = true
                lines.append("UTILISATION : " + line.dropFirst("USAGE: ".count))
            } else if inUsage, line.hasPrefix("       ") {
                lines.append("       " + line)
            } else {
                inUsage = false
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// « valeurs possibles : 'text', 'json' or 'html'. » → « valeurs possibles : « text », « json » ou « html ». »
    static func quotingValueLists(_ text: String) -> String {
        guard let range = text.range(of: "valeurs possibles : '") else { return text }
        let start = text.index(range.upperBound, offsetBy: -1)
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        var list = String(text[start..<end])
        list = list.replacingOccurrences(of: "' or '", with: "' ou '").replacingOccurrences(of: "' and '", with: "' ou '")
        var quoted = ""
        var open = true
        for character in list {
            if character == "'" {
                quoted += open ? "« " : " »"
                open.toggle()
            } else {
                quoted.append(character)
            }
        }
        return text[..<start] + quoted + text[end...]
    }
}
