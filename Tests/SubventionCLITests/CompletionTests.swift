import Foundation
import Testing

/// Completion: files by extension, sections, structures, operations and `--what-if` keys read from the files named.
@Suite("Complétion : fichiers, sections, structures, clés de --what-if")
struct CompletionTests {
    static let programme = "Conventions/pas-de-calais/inclusion-durable-2023.yaml"

    /// What the shell gets for `option` of `subcommand` when the line typed is `words` (the last word being typed).
    static func complete(_ subcommand: String, _ option: String, _ words: [String]) throws -> [String] {
        let line = ["subvention", subcommand] + words
        let output = try Executable.run(
            ["---completion", subcommand, "--", option, String(line.count - 1), String(line.last?.count ?? 0)] + line)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    /// Each command's invocations whose reports hold every table section it can have.
    static let reports: [(String, [[String]])] = [
        ("report", [["report", "Conventions/"]]),
        ("batch", [["batch", programme]]),
        ("budget", [["budget"]]),
        ("entitlement", [["entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", "etp=2"]]),
        ("schedule", [["schedule", "Conventions/doubs/ccas-besancon-2025.yaml", "--explain", "--bilan", "Examples/resiliations/doubs-ccas-besancon-2025.yaml"]]),
        ("settle", [["settle", "Conventions/doubs/ccas-besancon-2025.yaml", "--explain", "--bilan", "Examples/resiliations/doubs-ccas-besancon-2025.yaml"]]),
        ("explain", [["explain", "Conventions/doubs/ccas-besancon-2025.yaml", "--bilan", "Examples/resiliations/doubs-ccas-besancon-2025.yaml"]]),
        ("check", [["check", "Conventions/"]]),
    ]

    @Test("--section propose exactement les tableaux du rapport de la commande", arguments: reports.indices)
    func sections(_ index: Int) throws {
        let (command, invocations) = Self.reports[index]
        var tables: [String] = []
        for arguments in invocations {
            let json = try Executable.run(arguments + ["--format", "json"])
            let report = try #require(try JSONSerialization.jsonObject(with: json.bytes) as? [String: Any])
            for section in try #require(report["sections"] as? [[String: Any]]) where section["type"] as? String != "paragraphes" {
                if let id = section["id"] as? String, !tables.contains(id) { tables.append(id) }
            }
        }
        #expect(try Self.complete(command, "--section", ["--section", ""]) == tables)
        #expect(try Self.complete(command, "--section", ["--section", tables[0].prefix(3).description]).contains(tables[0]))
    }

    @Test("--structure et --operation : les structures et opérations du programme nommé")
    func structures() throws {
        let structures = try Self.complete("settle", "--structure", [Self.programme, "--structure", "CC"])
        #expect(structures.contains("CC Osartis Marquion"))
        #expect(structures.allSatisfy { $0.hasPrefix("CC") })
        #expect(try Self.complete("settle", "--structure", [Self.programme, "--structure", ""]).count == 91)
        let operations = try Self.complete(
            "entitlement", "--operation", [Self.programme, "--structure", "CC Osartis Marquion", "--operation", ""])
        #expect(operations.count == 2)
        #expect(try Self.complete("settle", "--structure", ["absent.yaml", "--structure", ""]).isEmpty)
    }

    @Test("--what-if : les entrées et les événements de la convention nommée")
    func whatIfKeys() throws {
        let keys = try Self.complete(
            "entitlement", "--what-if", ["Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", ""])
        #expect(keys == ["cout-mission=", "etp=", "convention-signee-recue=", "bilan-recu=", "bilan-traite="])
        #expect(try Self.complete("entitlement", "--what-if", ["Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", "bi"])
            == ["bilan-recu=", "bilan-traite="])
    }

    @Test("Les scripts de complétion proposent les fichiers par extension")
    func filesByExtension() throws {
        let bash = try Executable.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("-fX '!*.@(yaml)'"))
        #expect(bash.contains("-fX '!*.@(csv)'"))
        #expect(bash.contains("-fX '!*.@(xml)'"))
        #expect(bash.contains("---completion entitlement -- --what-if"))
    }
}
