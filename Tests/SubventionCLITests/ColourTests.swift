import Foundation
import Testing

/// Colours on a terminal for what is late, an erreur, a failure, a reversement; never with `NO_COLOR` nor when the
/// output is not a terminal. The terminal is a pseudo-terminal opened by `script(1)`.
@Suite(
    "Couleurs : seulement sur un terminal, jamais avec NO_COLOR",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct ColourTests {
    /// Runs `subvention arguments…` on a pseudo-terminal and returns what it wrote there.
    static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let quoted = ([Executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let output = try Executable.run(
            ["-qec", quoted.joined(separator: " "), "/dev/null"],
            environment: ["COLUMNS": "100", "TERM": "xterm", "NO_COLOR": ""].merging(environment) { _, given in given },
            program: "/usr/bin/script")
        return output.stdout
    }

    @Test("Sur un terminal : en retard et erreur en rouge, échu en jaune, reversement en magenta, ÉCHEC en rouge")
    func coloursOnTerminal() throws {
        let report = try Self.onTerminal(["report", "Conventions/", "--as-of", "2025-12-31"])
        #expect(report.contains("\u{1B}[31men retard"))
        #expect(report.contains("\u{1B}[33méchu depuis"))
        #expect(report.contains("\u{1B}[35m2\u{A0}080,00\u{A0}€"))
        let check = try Self.onTerminal(["check", "Conventions/alpes-maritimes/etat-france-travail-2024.yaml"])
        #expect(check.contains("\u{1B}[31merreur"))
        let directory = NSTemporaryDirectory() + "subvention-colour-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scenario = directory + "/echec.yaml"
        try String(contentsOfFile: Executable.root + "/Examples/scenarios/doubs-ccas-besancon-2025/1-nominal.yaml", encoding: .utf8)
            .replacingOccurrences(of: "du: \"118 250,00 €\"", with: "du: \"118 250,01 €\"")
            .replacingOccurrences(of: "../../../Conventions", with: Executable.root + "/Conventions")
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(try Self.onTerminal(["replay", scenario]).contains("\u{1B}[1;31mÉCHEC"))
    }

    @Test("NO_COLOR sur un terminal, ou sortie dans un tube : aucune séquence de couleur")
    func noColour() throws {
        let arguments = ["report", "Conventions/", "--as-of", "2025-12-31"]
        #expect(!(try Self.onTerminal(arguments, environment: ["NO_COLOR": "1"])).contains("\u{1B}["))
        #expect(!(try Self.onTerminal(arguments, environment: ["TERM": "dumb"])).contains("\u{1B}["))
        #expect(!(try Executable.run(arguments)).stdout.contains("\u{1B}["))
    }
}
