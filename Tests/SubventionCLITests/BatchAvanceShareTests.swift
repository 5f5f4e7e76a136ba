import Foundation
import Testing

/// `batch --avance-part` fills the avance parameter the programme's model names (its one installment whose amount
/// is a parameter), whatever its name; a model with no such installment is an error, never a share ignored.
@Suite("--avance-part : le paramètre d'avance nommé par le modèle")
struct BatchAvanceShareTests {
    static let programme = BatchStreamTests.programme

    /// The Pas-de-Calais programme rewritten by `replacements`, and the Arrageois bilan without its avances.
    static func files(_ replacements: [(String, String)]) throws -> (directory: String, programme: String, table: String) {
        let directory = try BatchStreamTests.temporaryDirectory()
        var text = try String(contentsOfFile: programme, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: directory + "/programme.yaml", atomically: true, encoding: .utf8)
        let bilan = try String(contentsOfFile: BatchStreamTests.bilan, encoding: .utf8)
        let withoutAvance = bilan.split(separator: "\n").enumerated().map { index, line in
            index == 0 ? String(line) : String(line[..<line.lastIndex(of: ";")!]) + ";"
        }.joined(separator: "\n") + "\n"
        try withoutAvance.write(toFile: directory + "/sans-avance.csv", atomically: true, encoding: .utf8)
        return (directory, directory + "/programme.yaml", directory + "/sans-avance.csv")
    }

    @Test("Le paramètre renommé « acompte » : 50 % remplit l'acompte, mêmes lignes et total que « avance » (120 240,00 € versés)")
    func renamedParameter() throws {
        let renamed = try Self.files([
            ("        avance: Montant de l'avance", "        acompte: Montant de l'acompte"),
            ("          parametre: avance\n", "          parametre: acompte\n"),
            ("parametres: { avance: avance }", "parametres: { acompte: avance }"),
        ])
        defer { try? FileManager.default.removeItem(atPath: renamed.directory) }
        for format in ["csv", "jsonl"] {
            let original = try Executable.run(
                ["batch", Self.programme, "--table", renamed.table, "--avance-part", "50 %", "--format", format])
            let streamed = try Executable.run(
                ["batch", renamed.programme, "--table", renamed.table, "--avance-part", "50 %", "--format", format])
            #expect(original.status == 0)
            #expect(streamed.status == 0, "\(streamed.stderr)")
            #expect(streamed.stdout == original.stdout)
        }
        let csv = try Executable.run(["batch", renamed.programme, "--table", renamed.table, "--avance-part", "50 %", "--format", "csv"])
        #expect(csv.stdout.hasSuffix("Total,,,12,,240480.00,248480.00,-8000.00,120240.00,197152.00,77120.00,208.00\r\n"))
        // The traced report (JSON) and one row's explanation take the same avance.
        let json = try Executable.run(["batch", renamed.programme, "--table", renamed.table, "--avance-part", "50 %", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""avance": "120240.00""#))
        let explained = try Executable.run(
            ["batch", renamed.programme, "--table", renamed.table, "--avance-part", "50 %", "--expliquer", "406", "--format", "json"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("1040.00"))
    }

    @Test("Un modèle sans échéance paramétrée : --avance-part est une erreur (code 1) qui dit pourquoi, en flux comme en tracé")
    func noParameter() throws {
        let fixed = try Self.files([("          parametre: avance\n", "          montant: 1 000 €\n")])
        defer { try? FileManager.default.removeItem(atPath: fixed.directory) }
        for format in ["csv", "json"] {
            let run = try Executable.run(["batch", fixed.programme, "--table", fixed.table, "--avance-part", "50 %", "--format", format])
            #expect(run.status == 1, "\(format)")
            #expect(run.stderr.contains("sans-avance.csv:2: erreur: part d'avance impossible"), "\(format) : \(run.stderr)")
        }
        let without = try Executable.run(["batch", fixed.programme, "--table", fixed.table, "--format", "csv"])
        #expect(without.status == 0, "\(without.stderr)")
    }
}
