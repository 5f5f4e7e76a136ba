import ArgumentParser
import Foundation
import SubventionConventions
import SubventionCore

/// Writing to the terminal and the exit codes of the tool.
enum Console {
    /// Exit code when everything went well.
    static let success = ExitCode(0)
    /// Exit code for findings of severity « erreur » or a computation refused.
    static let failure = ExitCode(1)
    /// Exit code for bad usage or unreadable input.
    static let unreadable = ExitCode(2)

    /// The table of exit codes, as `--help` shows it (the README and the tests say the same).
    static let exitCodesHelp = """
        Codes de sortie :
          0  succès ;
          1  constat de gravité « erreur », ou calcul refusé ;
          2  usage incorrect (option, argument ou sous-commande inconnus) ou entrée illisible.
        """

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Whether standard output is a terminal that takes ANSI colours: not with `NO_COLOR` set (https://no-color.org)
    /// or `TERM=dumb`.
    static var standardOutputIsColourTerminal: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard environment["NO_COLOR"].map(\.isEmpty) ?? true, environment["TERM"] != "dumb" else { return false }
        return isatty(FileHandle.standardOutput.fileDescriptor) == 1
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { err(diagnostic.description) }
    }

    /// Loads a bilan file for `convention`; a failure exits with code 2.
    static func loadBilan(_ path: String, for convention: Convention) throws -> BilanFile {
        do {
            let (bilan, warnings) = try ConventionFiles.loadBilan(path: path, for: convention)
            report(warnings)
            return bilan
        } catch {
            report(error.diagnostics)
            // A bilan that names what its convention does not know (an event, an input) refuses the computation.
            throw error.contradictsConvention ? failure : unreadable
        }
    }
}
