import Foundation
import Testing

/// The reproducers of issue 11 (« no crash, no negative money, no file skipped in silence »), run end to end on
/// the built executable with mutated copies of the bundled files.
@Suite("Robustesse : pas de plantage, pas d'argent négatif, aucun fichier ignoré en silence")
struct HardeningTests {
    static let besancon = "Conventions/doubs/ccas-besancon-2025.yaml"
    static let besanconBilan = "Examples/bilans/doubs-ccas-besancon-2025.yaml"
    static let angers = "Conventions/maine-et-loire/ccas-angers-2025.yaml"
    static let programme = "Conventions/pas-de-calais/inclusion-durable-2023.yaml"
    static let flashEmploi = "Conventions/alpes-maritimes/flash-emploi-2024.yaml"
    static let flashEmploiBilan = "Examples/bilans/alpes-maritimes-flash-emploi-2024.yaml"
    static let realisedTable = "Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv"

    // MARK: 1. Dates

    @Test("annee: N+9223372036854775807 est refusée au chargement, sans plantage",
        arguments: ["check", "entitlement", "report", "settle"])
    func hugeYearOffset(command: String) throws {
        let file = try Scratch.mutate(Self.besancon, "echeance: { jour: 31/01, annee: N+1 }\n      accomplie-par",
            "echeance: { jour: 31/01, annee: N+9223372036854775807 }\n      accomplie-par")
        let output = try Executable.run([command, file] + (command == "settle" ? ["--bilan", Self.besanconBilan] : []))
        let line = try #require(try String(contentsOfFile: file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("N+9223372036854775807") }) + 1
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):\(line):"), "\(output.stderr)")
        #expect(output.stderr.contains("obligations[1].echeance.annee"))
    }

    @Test("Délai de 100 000 ans, année N+-5, 29/02 : erreurs au chargement, avec la position", arguments: [
        ("delai: 6 mois }\n          accomplie-par: bilan-recu", "delai: 100000 ans }\n          accomplie-par: bilan-recu", programme, "delai"),
        ("annee: N+1 }\n      accomplie-par", "annee: N+-5 }\n      accomplie-par", besancon, "annee"),
        ("jour: 31/01, annee: N+1 }\n      accomplie-par", "jour: 29/02, annee: N+1 }\n      accomplie-par", besancon, "jour"),
    ])
    func dateDomains(old: String, new: String, path: String, key: String) throws {
        let file = try Scratch.mutate(path, old, new)
        let output = try Executable.run(["check", file])
        #expect(output.status == 2, "\(output.stdout)")
        #expect(output.stderr.contains(file + ":"), "\(output.stderr)")
        #expect(output.stderr.contains(".\(key) :"), "\(output.stderr)")
    }

    // MARK: 2. Negative money

    @Test("Un versement négatif dans un bilan est refusé (ligne et colonne)")
    func negativePayment() throws {
        let bilan = try Scratch.mutate(Self.besanconBilan, "montant: 82 775 €", "montant: -10 400 €")
        let output = try Executable.run(["settle", Self.besancon, "--bilan", bilan])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(bilan):8:37: erreur: bilan.versements[1].montant : un montant positif ou nul"),
            "\(output.stderr)")
        #expect(!output.stdout.contains("Déjà versé"))
    }

    @Test("Un justificatif négatif est refusé")
    func negativeJustification() throws {
        let bilan = try Scratch.mutate(Self.flashEmploiBilan, "montant: 8 000 €", "montant: -8 000 €")
        let output = try Executable.run(["settle", Self.flashEmploi, "--bilan", bilan])
        #expect(output.status == 2)
        #expect(output.stderr.contains("bilan.justificatifs[1].montant : un montant positif ou nul"), "\(output.stderr)")
    }

    @Test("Prix unitaire et plafond négatifs refusés (Angers)", arguments: [
        ("prix-unitaire: 60 000 €/ETP", "prix-unitaire: -60 000 €/ETP", "prix unitaire positif ou nul"),
        ("- montant: 60 000 €", "- montant: -60 000 €", "montant positif ou nul"),
    ])
    func negativeConventionAmounts(old: String, new: String, message: String) throws {
        let file = try Scratch.mutate(Self.angers, old, new)
        let output = try Executable.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("Avance négative ou montant imprimé négatif dans un tableau : refusés, le fichier donné est nommé")
    func negativeTableAmounts() throws {
        let directory = try Scratch.directory()
        for (old, new, column) in [(";10 400 €\n", ";-10 400 €\n", 9), (";20 800,00 €;130", ";-20 800,00 €;130", 6)] {
            let table = try Scratch.mutate(Self.realisedTable, old, new, in: directory)
            let output = try Executable.run(["batch", Self.programme, "--table", table])
            #expect(output.status == 2, "\(output.stdout)")
            #expect(output.stderr.contains("\(table):2:\(column): erreur:"), "\(output.stderr)")
        }
    }

    @Test("--avance-part hors de 0–100 % refusée", arguments: ["-50 %", "150 %"])
    func avanceShare(share: String) throws {
        let output = try Executable.run(["batch", Self.programme, "--table", Self.realisedTable, "--avance-part=\(share)"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--avance-part"), "\(output.stderr)")
    }

    @Test("« 1.300 » dans un tableau n'est pas lu 1,3 : refusé comme ambigu")
    func ambiguousThousands() throws {
        let table = try Scratch.mutate(Self.realisedTable, "CCAS Arras;450;72 000,00 €;337,5", "CCAS Arras;450;72 000,00 €;1.300")
        let output = try Executable.run(["batch", Self.programme, "--table", table])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(table):3:7: erreur:"), "\(output.stderr)")
        #expect(output.stderr.contains("ambigu"))
    }

    // MARK: 3. Files skipped in silence

    @Test("replay d'un scénario illisible nommé sur la ligne de commande : code 2 et diagnostic")
    func replayUnreadableScenario() throws {
        let directory = try Scratch.directory()
        let scenario = try Scratch.write("format: subvention/scenario 1\nscenario: {nom: x, nom: y}\n", "casse.yaml", in: directory)
        let named = try Executable.run(["replay", scenario])
        #expect(named.status == 2)
        #expect(named.stdout.contains("1 scénario, 0 réussi, 1 en échec"), "\(named.stdout)")
        #expect(named.stderr.contains("\(scenario):2:"), "\(named.stderr)")
        let folder = try Executable.run(["replay", directory])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("\(scenario):2:"), "\(folder.stderr)")
    }

    // MARK: 4. check proves the schedule fits the total

    @Test("Une échéance de 99 999 € dans une convention de 20 800 € est une erreur de check")
    func installmentAboveTotal() throws {
        let directory = try Scratch.directory()
        let file = try Scratch.write(Self.smallConvention(avance: "montant: 99 999 €"), "essai.yaml", in: directory)
        let output = try Executable.run(["check", file, "--large"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("erreur   echeance-hors-total"), "\(output.stdout)")
        #expect(output.stdout.contains("erreur   echeancier-depasse-total"))
        let valid = try Scratch.write(Self.smallConvention(avance: "part: 50 %"), "valide.yaml", in: directory)
        #expect(try Executable.run(["check", valid]).status == 0)
    }

    @Test("Des composantes dont la somme dépasse les montants représentables : une erreur, jamais un code 0")
    func componentsSumOverflow() throws {
        let huge = "60 000 000 000 000 000 €"
        let text = Self.smallConvention(avance: "part: 50 %")
            .replacingOccurrences(of: "  composantes:\n", with: "  montant: \(huge)\n  composantes:\n")
            .replacingOccurrences(
                of: "      base: { prix-unitaire: 160 €/place, quantite: 130 places }\n",
                with: "      base: { montant-fixe: \(huge) }\n    - id: autres\n      libelle: Autres\n"
                    + "      base: { montant-fixe: \(huge) }\n")
        let file = try Scratch.write(text, "enorme.yaml", in: try Scratch.directory())
        let output = try Executable.run(["check", file, "--large"])
        #expect(output.status != 0, "\(output.stdout)")
        #expect((output.stdout + output.stderr).contains("représentable"), "\(output.stdout)\(output.stderr)")
    }

    static func smallConvention(avance: String) -> String {
        """
        format: subvention/convention 1
        convention:
          id: essai
          titre: Essai
          financeur: Département
          beneficiaire: CCAS
          periode: { debut: 2025-01-01, fin: 2025-12-31 }
          unites: [place]
          composantes:
            - id: places
              libelle: Places
              base: { prix-unitaire: 160 €/place, quantite: 130 places }
          echeancier:
            - { id: avance, libelle: Avance, \(avance), declencheurs: [signature] }
            - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }

        """
    }

    // MARK: 5. --output

    @Test("--output refuse un tube, un lien symbolique et un dossier, sans rien toucher")
    func outputRefusesSpecialFiles() throws {
        let directory = try Scratch.directory()
        let target = try Scratch.write("ancien\n", "cible.txt", in: directory)
        let link = directory + "/lien.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let fifo = directory + "/tube"
        #expect(mkfifo(fifo, 0o644) == 0)
        let folder = directory + "/dossier"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for path in [fifo, link, folder] {
            let output = try Executable.run(["entitlement", Self.besancon, "--output", path])
            #expect(output.status == 2, "\(path)")
            #expect(output.stderr.contains("\(path): erreur: écriture impossible, rien n'a été écrit"), "\(output.stderr)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "ancien\n")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["cible.txt", "dossier", "lien.txt", "tube"])
    }

    @Test("--output refuse un périphérique (/dev/full, /dev/null) sans le remplacer")
    func outputRefusesDevice() throws {
        for path in ["/dev/full", "/dev/null"] {
            var before = stat()
            #expect(lstat(path, &before) == 0 && before.st_mode & S_IFMT == S_IFCHR)
            let output = try Executable.run(["entitlement", Self.besancon, "--output", path])
            #expect(output.status == 2, "\(path)")
            #expect(output.stderr.contains("\(path): erreur: écriture impossible, rien n'a été écrit : ce n'est pas un fichier ordinaire"),
                "\(output.stderr)")
            var after = stat()
            #expect(lstat(path, &after) == 0 && after.st_mode & S_IFMT == S_IFCHR && after.st_rdev == before.st_rdev)
            #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").allSatisfy { !$0.hasSuffix(".tmp") })
        }
    }

    @Test("--output garde les droits du fichier remplacé et ne laisse pas de fichier temporaire")
    func outputKeepsMode() throws {
        let directory = try Scratch.directory()
        let secret = try Scratch.write("ancien\n", "secret.txt", in: directory)
        #expect(chmod(secret, 0o600) == 0)
        let output = try Executable.run(["entitlement", Self.besancon, "--output", secret])
        #expect(output.status == 0, "\(output.stderr)")
        var status = stat()
        #expect(stat(secret, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8).contains("118\u{A0}250,00\u{A0}€"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["secret.txt"])
    }

    // MARK: 6. Positions

    @Test("Un doublon de clé YAML a sa ligne et sa colonne")
    func duplicateKeyPosition() throws {
        let file = try Scratch.mutate(Self.besancon, "  titre: Action sociale", "  id: double\n  titre: Action sociale")
        let output = try Executable.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):6:3: erreur: clé en double"), "\(output.stderr)")
    }

    @Test("Un caractère de contrôle : la position est dans le préfixe fichier:ligne:colonne:")
    func controlCharacterPosition() throws {
        let file = try Scratch.mutate(Self.besancon, "titre: Action sociale", "titre: Action\u{7} sociale")
        let output = try Executable.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):7:16: erreur: YAML illisible : caractère de contrôle interdit"), "\(output.stderr)")
        #expect(!output.stderr.contains("line"))
    }

    @Test("Un CSV à fins de ligne CR seules : les erreurs ont leur vraie ligne")
    func carriageReturnLines() throws {
        let text = try Scratch.bundled(Self.realisedTable)
            .replacingOccurrences(of: "CCAS Arras;450;72 000,00 €;337,5", with: "CCAS Arras;450;72 000,00 €;x")
            .replacingOccurrences(of: "\n", with: "\r")
        let table = try Scratch.write(text, "cr.csv", in: try Scratch.directory())
        let output = try Executable.run(["batch", Self.programme, "--table", table])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(table):3:7: erreur:"), "\(output.stderr)")
    }

    // MARK: 7. Volume

    @Test("20 000 clés inconnues : un rapport borné (100 diagnostics puis un décompte)")
    func boundedDiagnostics() throws {
        var text = "format: subvention/convention 1\nconvention:\n"
        for index in 0..<20_000 { text += "  cle-inconnue-\(index): valeur\n" }
        let file = try Scratch.write(text, "cles.yaml", in: try Scratch.directory())
        let output = try Executable.run(["check", file])
        #expect(output.status == 2)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count <= 101)
        #expect(lines.last?.contains("\(file): erreur: 19") == true, "\(lines.last ?? "")")
        #expect(lines.last?.contains("autre(s) diagnostic(s) non affiché(s)") == true)
    }

    @Test("Un tableau avec une erreur par ligne : un rapport borné")
    func boundedTableDiagnostics() throws {
        var text = "ligne;operation;territoire;structure;quantite;montant\n"
        for index in 0..<5_000 { text += "\(index);Opération inconnue;T;S;1;1 €\n" }
        let table = try Scratch.write(text, "erreurs.csv", in: try Scratch.directory())
        let output = try Executable.run(["batch", Self.programme, "--table", table])
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count <= 101)
        #expect(output.stderr.contains("\(table):2:2: erreur: opération « Opération inconnue »"), "\(output.stderr.prefix(300))")
    }
}

/// Scratch files for the end-to-end tests, in fresh temporary directories.
enum Scratch {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("subvention-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bundled(_ path: String) throws -> String {
        try String(contentsOfFile: Executable.root + "/" + path, encoding: .utf8)
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// A copy of a bundled file with `old` replaced by `new` (which must occur), named as the original.
    static func mutate(_ path: String, _ old: String, _ new: String, in directory: String? = nil) throws -> String {
        let text = try bundled(path)
        guard text.contains(old) else { throw ScratchError.missing(old, path) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return try write(text.replacingOccurrences(of: old, with: new), name, in: directory ?? self.directory())
    }

    enum ScratchError: Error { case missing(String, String) }
}
