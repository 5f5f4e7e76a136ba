import Foundation
import Testing

/// Issue 12: conventions linked by events (« le rapport conditionne le versement des crédits de l'année suivante »).
/// The 2024 credits (949 268 €) wait for the 2023 convention's `bilan-recu`, dated 07/06/2024 by its bilan.
@Suite("Conventions liées en ligne de commande (issue 12)")
struct LinkedConventionsCommandTests {
    static let first = "Examples/conventions/alpes-maritimes/cofinancement-pauvrete-2023.yaml"
    static let second = "Examples/conventions/alpes-maritimes/contractualisation-pauvrete-2024.yaml"
    static let firstBilan = "Examples/cofinancement/bilan-2023.yaml"
    static let secondBilan = "Examples/cofinancement/bilan-2024-liee.yaml"
    static let secondID = "alpes-maritimes-contractualisation-pauvrete-2024"
    static let firstTitle = "Appui à la lutte contre la pauvreté et d'accès à l'emploi 2023 (S2) – exemple de cofinancement"

    /// A scratch folder of bilans holding copies of `bilans`.
    func bilans(_ bilans: [String]) throws -> String {
        let directory = try Scratch.directory()
        for (index, bilan) in bilans.enumerated() { try Scratch.write(try Scratch.bundled(bilan), "bilan-\(index).yaml", in: directory) }
        return directory
    }

    /// The `echeances` row of the 2024 credits in a JSON report.
    func creditsRow(_ stdout: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let rows = try #require(sections.first { $0["id"] as? String == "echeances" }?["lignes"] as? [[String: Any]])
        return try #require(rows.first { $0["convention"] as? String == Self.secondID })
    }

    func report(_ paths: [String], bilans directory: String) throws -> Executable.Output {
        try Executable.run(["report"] + paths + ["--bilans", directory, "--as-of", "2024-09-01", "--format", "json"])
    }

    @Test("report : exigible depuis la date du rapport 2023 que donne le bilan de l'autre convention")
    func payableOnceRecorded() throws {
        let output = try report([Self.first, Self.second], bilans: try bilans([Self.firstBilan, Self.secondBilan]))
        #expect(output.status == 0, "\(output.stderr)")
        let row = try creditsRow(output.stdout)
        #expect(row["montant"] as? String == "949268.00")
        #expect(row["date"] as? String == "2024-06-07")
        #expect(row["etat"] as? String == "échu depuis le 07/06/2024")
        #expect((row["declencheur"] as? String)?.contains("réception du bilan de « \(Self.firstTitle) »") == true, "\(row)")
    }

    @Test("report : en attente, avec la raison, tant que l'autre convention n'a pas daté l'événement")
    func waitingWithReason() throws {
        let output = try report([Self.first, Self.second], bilans: try bilans([Self.secondBilan]))
        #expect(output.status == 0, "\(output.stderr)")
        let row = try creditsRow(output.stdout)
        #expect(row["date"] is NSNull)
        #expect(row["etat"] as? String == "sans date : en attente de réception du bilan de « \(Self.firstTitle) »")
    }

    @Test("report : un événement inconnu de l'autre convention refuse la lecture à file:line:column (code 2)")
    func unknownEvent() throws {
        let file = try Scratch.mutate(Self.second, "evenement: bilan-recu }", "evenement: bilan-recus }")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("evenement: bilan-recus") }) + 1
        let column = try #require(lines[line - 1].range(of: "bilan-recus")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let output = try report([Self.first, file], bilans: try bilans([Self.firstBilan]))
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):\(line):\(column): erreur: condition : événement « bilan-recus » inconnu"), "\(output.stderr)")
        #expect(output.stderr.contains("vouliez-vous dire « bilan-recu » ?"), "\(output.stderr)")
        let check = try Executable.run(["check", Self.first, file])
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(file):\(line):\(column): erreur: condition : événement « bilan-recus » inconnu"), "\(check.stderr)")
        let clean = try Executable.run(["check", Self.first, Self.second])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!clean.stderr.contains("condition"), "\(clean.stderr)")
    }

    @Test("report : une convention liée absente des fichiers lus est signalée, l'échéance reste en attente")
    func unknownConvention() throws {
        let file = try Scratch.mutate(
            Self.second, "convention: alpes-maritimes-cofinancement-pauvrete-2023,",
            "convention: alpes-maritimes-cofinancement-pauvrete-2032,")
        let output = try report([Self.first, file], bilans: try bilans([Self.firstBilan, Self.secondBilan]))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("\(file):"), "\(output.stderr)")
        #expect(
            output.stderr.contains(
                "avertissement: condition : convention « alpes-maritimes-cofinancement-pauvrete-2032 » absente des conventions lues"
                    + " (vouliez-vous dire « alpes-maritimes-cofinancement-pauvrete-2023 » ?)"), "\(output.stderr)")
        let row = try creditsRow(output.stdout)
        #expect((row["etat"] as? String)?.hasPrefix("sans date : en attente de ") == true, "\(row)")
    }

    @Test("report sur le registre : en attente, puis exigible quand le registre date l'événement de l'autre convention")
    func register() throws {
        let directory = try Scratch.directory()
        // A: the 2024 credits (not co-financed, so its register target is its id); B: a 2025 copy waiting for A's
        // `bilan-recu`.
        try Scratch.write(try Scratch.bundled(Self.second), "a.yaml", in: directory)
        try Scratch.write(
            try Scratch.bundled(Self.second)
                .replacingOccurrences(of: "id: alpes-maritimes-contractualisation-pauvrete-2024", with: "id: essai-2025")
                .replacingOccurrences(
                    of: "convention: alpes-maritimes-cofinancement-pauvrete-2023,",
                    with: "convention: alpes-maritimes-contractualisation-pauvrete-2024,"),
            "b.yaml", in: directory)
        let registry = directory + "/r.sqlite"
        func record(_ event: String, _ convention: String, _ date: String) throws {
            let output = try Executable.run([
                "registre", "evenement", event, "--convention", convention, "--date", date, "--conventions", directory,
                "--registre", registry, "--auteur", "test",
            ])
            #expect(output.status == 0, "\(output.stderr)")
        }
        func state() throws -> String? {
            let output = try Executable.run([
                "report", directory, "--registre", registry, "--as-of", "2025-09-01", "--format", "json",
            ])
            #expect(output.status == 0, "\(output.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let sections = try #require(object["sections"] as? [[String: Any]])
            let rows = try #require(sections.first { $0["id"] as? String == "echeances" }?["lignes"] as? [[String: Any]])
            return rows.first { $0["convention"] as? String == "essai-2025" }?["etat"] as? String
        }
        try record("signature", "essai-2025", "2025-01-10")
        #expect(
            try state()
                == "sans date : en attente de réception du bilan de « Crédits 2024 de la contractualisation pauvreté – exemple de convention liée »")
        try record("bilan-recu", "alpes-maritimes-contractualisation-pauvrete-2024", "2025-03-03")
        #expect(try state() == "échu depuis le 03/03/2025")
    }

    @Test("schedule seule : l'événement lié se date sous son nom qualifié ; mal écrit, il est refusé")
    func aloneWithQualifiedName() throws {
        let directory = try Scratch.directory()
        let dated = try Scratch.mutate(
            Self.secondBilan, "    signature: 2024-04-15",
            "    signature: 2024-04-15\n    alpes-maritimes-cofinancement-pauvrete-2023/bilan-recu: 2024-06-07", in: directory)
        let payable = try Executable.run(["schedule", Self.second, "--bilan", dated, "--format", "csv"])
        #expect(payable.status == 0, "\(payable.stderr)")
        #expect(payable.stdout.contains("exigible depuis le 07/06/2024"), "\(payable.stdout)")
        let waiting = try Executable.run(["schedule", Self.second, "--bilan", Self.secondBilan, "--format", "csv"])
        #expect(waiting.status == 0, "\(waiting.stderr)")
        #expect(waiting.stdout.contains("« bilan-recu » de la convention « alpes-maritimes-cofinancement-pauvrete-2023 »"), "\(waiting.stdout)")
        #expect(!waiting.stdout.contains("exigible depuis"), "\(waiting.stdout)")
        let typo = try Scratch.mutate(
            Self.secondBilan, "    signature: 2024-04-15",
            "    signature: 2024-04-15\n    alpes-maritimes-cofinancement-pauvrete-2023/bilan-recus: 2024-06-07")
        let refused = try Executable.run(["schedule", Self.second, "--bilan", typo])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(typo):12:5: erreur:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("vouliez-vous dire « alpes-maritimes-cofinancement-pauvrete-2023/bilan-recu » ?"), "\(refused.stderr)")
    }
}
