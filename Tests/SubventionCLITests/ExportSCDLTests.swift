import Foundation
import SubventionCSV
import Testing

/// `subvention export scdl` against the constraints of `../shared/standards/scdl-subventions.md` (SCDL 2.1.1).
@Suite("export scdl : données essentielles au format SCDL « Subventions »")
struct ExportSCDLTests {
    static let headers = [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
        "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE",
        "notificationUE", "pourcentageSubvention", "dispositifAide",
    ]

    /// Every constraint of the standard's list that `record` breaks (empty when it is valid).
    static func violations(_ fields: [String]) -> [String] {
        guard fields.count == headers.count else { return ["\(fields.count) champs au lieu de 16"] }
        let value = Dictionary(uniqueKeysWithValues: zip(headers, fields))
        var found: [String] = []
        for required in [
            "nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "objet", "montant", "nature",
            "conditionsVersement", "datesPeriodeVersement", "notificationUE", "pourcentageSubvention",
        ] where value[required, default: ""].isEmpty {
            found.append("\(required) obligatoire")
        }
        func isSIRET(_ text: String) -> Bool {
            guard text.utf8.count == 14, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return false }
            var sum = 0
            for (index, byte) in text.utf8.reversed().enumerated() {
                var digit = Int(byte) - 48
                if index % 2 == 1 { digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2 }
                sum += digit
            }
            return sum % 10 == 0
        }
        func isDate(_ text: Substring) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
            else { return false }
            return (1...12).contains(month) && (1...31).contains(day)
        }
        let idAttribuant = value["idAttribuant", default: ""]
        if !isSIRET(idAttribuant) { found.append("idAttribuant « \(idAttribuant) » : 14 chiffres et clé de Luhn") }
        let idBeneficiaire = value["idBeneficiaire", default: ""]
        let rna = value["rnaBeneficiaire", default: ""]
        if idBeneficiaire.isEmpty && rna.isEmpty { found.append("idBeneficiaire ou rnaBeneficiaire obligatoire") }
        if !idBeneficiaire.isEmpty && !isSIRET(idBeneficiaire) { found.append("idBeneficiaire « \(idBeneficiaire) »") }
        if !rna.isEmpty {
            let bytes = Array(rna.utf8)
            if !(bytes.count == 10 && bytes[0] == UInt8(ascii: "W") && bytes.dropFirst().allSatisfy({ (48...57).contains($0) })) {
                found.append("rnaBeneficiaire « \(rna) » : W + 9 chiffres")
            }
        }
        if !isDate(Substring(value["dateConvention", default: ""])) { found.append("dateConvention AAAA-MM-JJ") }
        let period = value["datesPeriodeVersement", default: ""].split(separator: "/", omittingEmptySubsequences: false)
        if !((1...2).contains(period.count) && period.allSatisfy(isDate)) { found.append("datesPeriodeVersement") }
        if period.count == 2, period[0] > period[1] { found.append("datesPeriodeVersement : fin avant début") }
        for (column, maximum) in [("objet", 256), ("conditionsVersement", 256), ("idRAE", 5)]
        where value[column, default: ""].count > maximum {
            found.append("\(column) : plus de \(maximum) caractères")
        }
        let natures = [
            "aide en numéraire", "aide en nature", "aide en numéraire;aide en nature", "aide en nature;aide en numéraire",
        ]
        if !natures.contains(value["nature", default: ""]) { found.append("nature hors liste") }
        if !["oui", "non"].contains(value["notificationUE", default: ""]) { found.append("notificationUE oui/non") }
        // Numbers: digits with at most one `.` (never a comma), as the Table Schema `number` with decimalChar `.`.
        func decimal(_ text: String) -> (units: Int, hundredths: Int, exactHundredths: Bool)? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
                !text.hasPrefix("-")
            else { return nil }
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            let hundredths = Int((fraction + "00").prefix(2)) ?? 0
            return (Int(parts[0]) ?? 0, hundredths, fraction.count <= 2 || fraction.dropFirst(2).allSatisfy { $0 == "0" })
        }
        if decimal(value["montant", default: ""]) == nil { found.append("montant : nombre avec « . »") }
        if let share = decimal(value["pourcentageSubvention", default: ""]) {
            let scaled = share.units * 100 + share.hundredths
            if scaled < 1 || scaled > 100 || (scaled == 100 && !share.exactHundredths) {
                found.append("pourcentageSubvention hors de 0.01…1")
            }
        } else {
            found.append("pourcentageSubvention : nombre")
        }
        return found
    }

    @Test("Le contrôle des contraintes refuse chaque valeur fautive (il peut échouer)")
    func checkerRejects() {
        let valid = [
            "Département du Doubs", "10000000100006", "2025-05-15", "", "CCAS", "10000000200004", "", "Objet", "118250.00",
            "aide en numéraire", "Acompte", "2025-06-01/2026-06-30", "", "non", "1", "",
        ]
        #expect(Self.violations(valid).isEmpty)
        let faults: [(Int, String)] = [
            (1, "10000000100007"), (1, "1000000010000"), (2, "15/05/2025"), (0, ""), (5, "1000000020000X"),
            (7, String(repeating: "x", count: 257)), (8, "118250,00"), (9, "aide"), (11, "2026-06-30/2025-06-01"),
            (11, "2025-06"), (12, "ABCDEF"), (13, "true"), (14, "0.001"), (14, "1.5"), (14, "0"), (10, ""),
        ]
        for (index, wrong) in faults {
            var fields = valid
            fields[index] = wrong
            #expect(!Self.violations(fields).isEmpty, "\(Self.headers[index]) = « \(wrong) »")
        }
        var rnaOnly = valid
        rnaOnly[5] = ""
        #expect(!Self.violations(rnaOnly).isEmpty)
        rnaOnly[6] = "W251000001"
        #expect(Self.violations(rnaOnly).isEmpty)
        rnaOnly[6] = "W25100000"
        #expect(!Self.violations(rnaOnly).isEmpty)
    }

    /// A copy of the Pas-de-Calais programme with a shared `publication:` and two structures identified (fictitious
    /// SIRETs with valid keys), its table named by its absolute path.
    static func identifiedProgramme(in directory: String) throws -> String {
        var text = try String(contentsOfFile: Executable.root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml", encoding: .utf8)
        let start = try #require(text.range(of: "  publication:\n"))
        let end = try #require(text.range(of: "\n  document:", range: start.upperBound..<text.endIndex))
        text.replaceSubrange(
            start.lowerBound..<end.lowerBound,
            with: """
                  publication:
                    siret-attribuant: "10000000300002"
                    date-convention: 2023-06-15
                    reference-decision: Délibération n° 2023-216
                    nature: aide en numéraire
                    dates-versement: 2023-06-15/2024-06-30
                    notification-ue: non
                    beneficiaires:
                      - { structure: CC Osartis Marquion, siret: "10000000400000" }
                      - { structure: ADIL 59 62, siret: "34309733300078", date-convention: 2023-07-01 }
                """)
        text = text.replacingOccurrences(
            of: "fichier: ../../Examples/", with: "fichier: \(Executable.root)/Examples/")
        let path = directory + "/programme.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Une convention et un programme identifiés : en-têtes exacts, chaque contrainte respectée, montants au centime")
    func identified() throws {
        let directory = NSTemporaryDirectory() + "subvention-scdl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let programme = try Self.identifiedProgramme(in: directory)
        let output = directory + "/scdl.csv"
        let run = try Executable.run([
            "export", "scdl", "Tests/Fixtures/scdl/convention-identifiee.yaml", programme, "--partiel", "--output", output,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: output))
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let table = try CSVReader.table(bytes: [UInt8](bytes), delimiter: .comma)
        #expect(table.header == Self.headers)
        for record in table.records {
            #expect(Self.violations(record.fields).isEmpty, "ligne \(record.line) : \(Self.violations(record.fields))")
        }
        // Besançon (fixture), CC Osartis Marquion's two rows (l. 404 : 130 places × 160 € ; l. 478 : 5 000 €) and the
        // ADIL information mission (100 000 €, l. 562); the ADIL's FSL row (« - € ») has nothing to publish and is listed.
        #expect(
            table.records.map { $0[4] } == ["CCAS de Besançon (SAAS)", "CC Osartis Marquion", "CC Osartis Marquion", "ADIL 59 62"])
        #expect(table.records.map { $0[8] } == ["118250.00", "20800.00", "5000.00", "100000.00"])
        #expect(table.records.map { $0[14] } == ["1", "1", "1", "1"])
        #expect(table.records.map { $0[2] } == ["2025-05-15", "2023-06-15", "2023-06-15", "2023-07-01"])
        #expect(table.records[0][10] == "Acompte de 70 % à la réception de la convention signée, solde sur bilan final")
        #expect(table.records[1][10] == "Avance à la signature ; Solde annuel au prorata de la réalisation")
        #expect(table.records[1][7] == "Appels à projets des politiques d'inclusion durable 2023 – phase 1 : Dispositif référent solidarité")
        #expect(run.stderr.contains("ligne 149 du tableau, « ADIL 59 62 »: avertissement: SCDL : montant (montant nul"))
        #expect(run.stderr.contains("150 ligne(s) sur 154 incomplète(s), non écrite(s)"))
    }

    @Test("Les conventions fournies, sans SIRET : code 1, chaque convention et chaque colonne nommées, rien d'écrit")
    func bundledRefused() throws {
        let output = NSTemporaryDirectory() + "subvention-scdl-\(UUID().uuidString).csv"
        let run = try Executable.run(["export", "scdl", "Conventions", "--output", output])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 163)
        #expect(lines.contains {
            $0.hasPrefix("Conventions/doubs/ccas-besancon-2025.yaml (doubs-ccas-besancon-2025): erreur: SCDL : idAttribuant (valeur manquante) ; idBeneficiaire")
        })
        #expect(lines.contains {
            $0.hasPrefix(
                "Conventions/pas-de-calais/inclusion-durable-2023.yaml, ligne 2 du tableau, « CC Osartis Marquion »: erreur: SCDL : "
                    + "idAttribuant (valeur manquante) ; dateConvention")
        })
        // The SIRET the document gives (Alpes-Maritimes, l. 489) is used: only the État's is missing.
        #expect(lines.contains {
            $0.contains("(alpes-maritimes-etat-france-travail-2024): erreur: SCDL : idAttribuant (valeur manquante) ; dateConvention (valeur manquante) ; datesPeriodeVersement")
        })
        #expect(lines.last == "erreur: 162 ligne(s) sur 162 incomplète(s) ; rien n'a été écrit (--partiel écrit les lignes complètes)")
    }

    @Test("Un SIRET à la clé fausse est refusé au chargement, avec fichier:ligne:colonne (code 2)")
    func badSIRET() throws {
        let directory = NSTemporaryDirectory() + "subvention-scdl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Executable.root + "/Tests/Fixtures/scdl/convention-identifiee.yaml", encoding: .utf8)
        let file = directory + "/faute.yaml"
        try text.replacingOccurrences(of: "\"10000000200004\"", with: "\"10000000200005\"")
            .replacingOccurrences(of: "W251000001", with: "W25100000")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try Executable.run(["export", "scdl", file])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(file):15:25: erreur: convention.publication.siret-beneficiaire : « 10000000200005 » n'est pas un SIRET valide (clé de Luhn fausse)"))
        #expect(run.stderr.contains("\(file):16:23: erreur: convention.publication.rna-beneficiaire : « W25100000 » n'est pas un numéro RNA"))
    }

    @Test("Le fichier écrit passe le validateur Table Schema (frictionless), quand il est installé")
    func frictionless() throws {
        let tool = ["/usr/local/bin/frictionless", "/usr/bin/frictionless", NSHomeDirectory() + "/.pyenv/shims/frictionless"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { return }
        let directory = NSTemporaryDirectory() + "subvention-scdl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The identified convention and the identified rows of the programme (--partiel leaves out the others).
        let programme = try Self.identifiedProgramme(in: directory)
        let run = try Executable.run([
            "export", "scdl", "Tests/Fixtures/scdl/convention-identifiee.yaml", programme, "--partiel", "--output",
            directory + "/scdl.csv",
        ])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: directory + "/scdl.csv", encoding: .utf8).split(whereSeparator: \.isNewline).count == 5)
        try FileManager.default.copyItem(
            atPath: Executable.root + "/docs/schema/scdl-subventions-2.1.1.json", toPath: directory + "/schema.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["validate", "--schema", "schema.json", "scdl.csv"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("VALID"))
    }
}
