import Foundation
import Testing

/// The command line speaks French from end to end (help, usage errors, file errors) and exits with the codes of
/// its table: 0, 1, 2 (never ArgumentParser's 64).
@Suite("Ligne de commande en français, codes de sortie documentés")
struct FrenchCommandLineTests {
    static let subcommands = [
        "check", "schedule", "settle", "explain", "replay", "record", "report", "budget", "batch", "entitlement",
    ]

    /// ArgumentParser's, Foundation's, libyaml's and the C library's English phrases, as they would show.
    static let englishPhrases = [
        "OVERVIEW", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS", "Show help", "Show the version",
        "help information", "Show subcommand", "(default", "default:", "See '", "for more information",
        "for detailed help", "Error:", "Help:", "Usage:", "Unexpected argument", "unexpected argument",
        "Missing expected", "Missing value", "Missing required", "Missing one of", "Did you mean", "Unknown option",
        "is invalid", "Please provide", "does not take any value", "had already been set", "Internal error",
        "Unspecified version", "values:", "The operation", "couldn’t be completed", "could not be completed",
        "No such file", "Permission denied", "Is a directory", "Not a directory", "found character",
        "cannot start any token", "did not find expected", "could not find expected", "mapping values",
        "while scanning", "while parsing", "end of stream", "<subcommand>", "<file>", "<paths>", "<output>",
        "<as-of>", "<what-if>", "<csv-dialect>", "<avance-part>",
    ]

    /// English words that French never uses, as whole words (« option », « section », « format » are French too).
    static let englishWords = [
        "the", "is", "was", "and", "of", "for", "with", "not", "cannot", "could", "found", "expected", "unexpected",
        "missing", "invalid", "unknown", "error", "show", "see", "default", "please", "provide", "mean",
        "value", "such", "file", "directory", "operation", "completed", "overview", "subcommand",
    ]

    /// The English phrases and words found in `text` (option names `--as-of` and the `help` subcommand aside).
    static func english(in text: String) -> [String] {
        var found = englishPhrases.filter { text.contains($0) }
        let words = text.replacingOccurrences(of: #"--?[A-Za-z][A-Za-z-]*"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "subvention help", with: " ")
            .components(separatedBy: CharacterSet.letters.inverted.subtracting(CharacterSet(charactersIn: "'")))
        let lowered = Set(words.map { $0.lowercased() })
        found += englishWords.filter { lowered.contains($0) }
        return found
    }

    @Test("Le détecteur d'anglais n'est pas aveugle")
    func detectorFindsEnglish() {
        #expect(Set(Self.english(in: "Error: Unexpected argument 'reprot'")) == ["Error:", "Unexpected argument", "error", "unexpected"])
        #expect(Set(Self.english(in: "  -h, --help  Show help information.")) == ["Show help", "help information", "show"])
        #expect(Set(Self.english(in: "x.yaml:3:7: erreur: YAML invalide : found character that cannot start any token"))
            == ["found character", "cannot start any token", "found", "cannot"])
        #expect(Set(Self.english(in: "fichier temporaire impossible à créer (No such file or directory)"))
            == ["No such file", "such", "file", "directory"])
        #expect(Set(Self.english(in: "'rfc4180' and 'excel-fr'")) == ["and"])
        #expect(Self.english(in: "erreur : option inconnue « --fromat » ; vouliez-vous dire « --format » ?").isEmpty)
    }

    @Test("--help de chaque sous-commande, help SOUS-COMMANDE et l'aide générale : en français, code 0", arguments: [[String]]([["--help"], ["-h"], ["help"]]) + subcommands.flatMap { [[$0, "--help"], ["help", $0]] })
    func help(_ arguments: [String]) throws {
        let output = try Executable.run(arguments)
        #expect(output.status == 0, "\(arguments) : \(output.stderr)")
        #expect(output.stdout.contains("UTILISATION : subvention"), "\(arguments)")
        #expect(output.stderr.isEmpty, "\(arguments) : \(output.stderr)")
        #expect(Self.english(in: output.stdout).isEmpty, "\(arguments) : \(Self.english(in: output.stdout))\n\(output.stdout)")
        #expect(output.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(arguments)")
    }

    /// Wrong invocations: every one exits 2, says why in French on standard error, and prints nothing else.
    static let wrongInvocations: [(arguments: [String], says: String)] = [
        (["reprot"], "sous-commande inconnue « reprot » ; vouliez-vous dire « report » ?"),
        (["help", "reprot"], "sous-commande inconnue « reprot » ; vouliez-vous dire « report » ?"),
        (["report", "--fromat", "json"], "option inconnue « --fromat » ; vouliez-vous dire « --format » ?"),
        (["schedule"], "argument attendu manquant : « <fichier> »"),
        (["settle", "Conventions/doubs/ccas-besancon-2025.yaml"], "donnez un bilan (--bilan FICHIER) ou un registre (--registre FICHIER)"),
        (["report", "--format", "pdf"], "la valeur « pdf » n'est pas valable pour « --format <format> »"),
        (["check", "--csv-dialect", "excel"], "valeurs possibles : « rfc4180 » ou « excel-fr »."),
        (["explain", "Conventions/doubs/ccas-besancon-2025.yaml", "--bilan", "x", "--as-of", "2025-13-45"], "« 2025-13-45 »"),
        (["batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--avance-part"], "valeur manquante pour « --avance-part <part> »"),
        (["report", "--large=3"], "l'option « --large » ne prend pas de valeur"),
        (["check", "Conventions/doubs/absente.yaml"], "Conventions/doubs/absente.yaml: erreur"),
        (["report", "--output", "/nonexistent-subvention/dossier/rapport.txt"], "dossier ou fichier inexistant"),
        (["entitlement", "Conventions/maine-et-loire/ccas-angers-2025.yaml", "--what-if", "x"], "clé=valeur attendu"),
        (["replay", "Examples", "--filtre", "ce nom n'existe pas"], "aucun scénario dont le nom contient"),
    ]

    @Test("Invocations fautives : code 2 (jamais 64), message en français", arguments: wrongInvocations.indices)
    func wrongInvocation(_ index: Int) throws {
        let (arguments, says) = Self.wrongInvocations[index]
        let output = try Executable.run(arguments)
        #expect(output.status == 2, "\(arguments) : \(output.status)")
        // Messages are wrapped at 100 columns: read with every run of white space as one space.
        let messages = output.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(messages.contains(says), "\(arguments) : \(output.stderr)")
        #expect(Self.english(in: output.stderr + output.stdout).isEmpty, "\(arguments) : \(Self.english(in: output.stderr + output.stdout))\n\(output.stderr)")
    }

    @Test("Une erreur de syntaxe YAML est entièrement en français, avec sa position")
    func yamlSyntaxError() throws {
        let directory = NSTemporaryDirectory() + "subvention-yaml-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cases = [
            ("format: subvention/convention 1\nconvention:\n  id: x\n  titre: @bad\n", ":4:10: erreur: YAML invalide : caractère qui ne peut pas commencer"),
            ("format: subvention/convention 1\nconvention: {id: x\n", ":3:1: erreur: YAML invalide : « , » ou « } » attendu"),
            ("format: subvention/convention 1\nconvention:\n  id: x\n  titre: a: b\n", ":4:11: erreur: YAML invalide : « : » inattendu ici"),
        ]
        for (number, (text, says)) in cases.enumerated() {
            let file = directory + "/\(number).yaml"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let output = try Executable.run(["check", file])
            #expect(output.status == 2)
            #expect(output.stderr.contains(file + says), "\(output.stderr)")
            #expect(Self.english(in: output.stderr).isEmpty, "\(output.stderr)")
        }
    }

    @Test("Codes de sortie : 0 succès, 1 constat d'erreur ou calcul refusé, 2 usage ou entrée illisible")
    func exitCodes() throws {
        #expect(try Executable.run(["check", "Conventions/maine-et-loire/ccas-angers-2025.yaml"]).status == 0)
        #expect(try Executable.run(["--version"]).status == 0)
        // The France Travail convention's Volet 3 is written 408 100 € and 408 000 €: an erreur.
        #expect(try Executable.run(["check", "Conventions/alpes-maritimes/etat-france-travail-2024.yaml"]).status == 1)
        // A majoration the convention does not provide for: the computation is refused (1), in French.
        let directory = NSTemporaryDirectory() + "subvention-exit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bilan = directory + "/bilan.yaml"
        try """
            format: subvention/bilan 1
            bilan:
              convention: doubs-ccas-besancon-2025
              evenements: { convention-signee-recue: 2025-05-20, bilan-recu: 2026-01-20 }
              majoration: 5 000 €
            """.write(toFile: bilan, atomically: true, encoding: .utf8)
        let refused = try Executable.run(["settle", "Conventions/doubs/ccas-besancon-2025.yaml", "--bilan", bilan])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("majoration"))
        #expect(Self.english(in: refused.stderr).isEmpty, "\(refused.stderr)")
        #expect(try Executable.run(["reprot"]).status == 2)
        #expect(try Executable.run(["check", "--zzz"]).status == 2)
        #expect(try Executable.run(["check", "introuvable.yaml"]).status == 2)
    }

    @Test("Une seule table des codes de sortie : --help, le README")
    func oneExitCodeTable() throws {
        let table = """
            Codes de sortie :
              0  succès ;
              1  constat de gravité « erreur », ou calcul refusé ;
              2  usage incorrect (option, argument ou sous-commande inconnus) ou entrée illisible.
            """
        #expect(try Executable.run(["--help"]).stdout.contains(table))
        let readme = try String(contentsOfFile: Executable.root + "/README.md", encoding: .utf8)
        #expect(readme.contains(table))
    }

    @Test("--version : la version et les formats de fichier lus et écrits")
    func version() throws {
        let output = try Executable.run(["--version"])
        #expect(output.stdout == """
            subvention 0.1.0
            formats lus :
              subvention/convention 1
              subvention/programme 1
              subvention/bilan 1
              subvention/scenario 1
              subvention/budget 1
            formats écrits :
              subvention/rapport 1
              scdl/subventions 2.1.1

            """)
    }
}
