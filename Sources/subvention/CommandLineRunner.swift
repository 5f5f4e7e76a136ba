import ArgumentParser
import Foundation
import SubventionConventions

/// Runs `subvention` with its arguments, in French, with the exit codes of ``Console``.
///
/// ArgumentParser parses; this type checks the subcommand name first (« reprot » → « vouliez-vous dire
/// « report » ? »; `help reprot` is an error too), translates every message of ArgumentParser through
/// ``FrenchHelp``, writes help on standard output and errors on standard error, and maps ArgumentParser's usage
/// exit code (64) to ours (2).
enum CommandLineRunner {
    static func run(_ arguments: [String]) -> Never {
        // Completion scripts and their answers are for the shell, not for people: left as ArgumentParser writes them.
        if let first = arguments.first, first == "---completion" || first.hasPrefix("--generate-completion-script")
            || first == "--experimental-dump-help"
        {
            Subvention.main(arguments)
        }
        if let message = unknownSubcommand(arguments) {
            Console.err(message)
            exit(Console.unreadable.rawValue)
        }
        do {
            var command = try Subvention.parseAsRoot(arguments)
            try command.run()
            exit(Console.success.rawValue)
        } catch {
            let code = Subvention.exitCode(for: error)
            // Rendered without wrapping, translated, then wrapped: a phrase is never cut by the layout.
            let english = Subvention.fullMessage(for: error, columns: 100_000)
            let text = FrenchHelp.wrapped(FrenchHelp.translate(english), width: TerminalWidth.current)
            if code == .success {
                Console.out(text.hasSuffix("\n") ? text : text + "\n")
                exit(Console.success.rawValue)
            }
            if !text.isEmpty { Console.err(text) }
            exit(code == .validationFailure ? Console.unreadable.rawValue : code.rawValue)
        }
    }

    /// The names of the subcommands, as typed.
    static var subcommandNames: [String] {
        Subvention.configuration.subcommands.map { $0.configuration.commandName ?? "" }
    }

    /// An error message when the first word is not a subcommand (or `help` names one that does not exist).
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = subcommandNames
        var word = first
        if first == "help" {
            guard let named = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return nil }
            word = named
        }
        guard !names.contains(word) else { return nil }
        let suggestion = Suggestion.closest(to: word, among: names).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
        return """
            erreur : sous-commande inconnue « \(word) »\(suggestion)
            Sous-commandes : \(names.joined(separator: ", ")).
              Voir « subvention --help » pour plus d'informations.
            """
    }
}
