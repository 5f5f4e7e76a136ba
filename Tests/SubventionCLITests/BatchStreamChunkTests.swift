import Foundation
import Testing

/// Issue 13: `batch --format csv` settles a table's chunks on several threads; what it writes and reports is what
/// one reading of the whole table gives: rows in the table's order, the file's line numbers in every diagnostic,
/// the first problem in the table's order deciding the exit code.
@Suite("batch en flux sur plusieurs morceaux : l'ordre, les lignes et les erreurs du tableau entier")
struct BatchStreamChunkTests {
    static let programme = BatchStreamTests.programme
    /// The twelve records of the Pas-de-Calais bilan (Arrageois), without the header.
    static func records() throws -> [String] {
        let text = try String(contentsOfFile: BatchStreamTests.bilan, encoding: .utf8)
        return Array(text.split(separator: "\n").dropFirst().map(String.init))
    }

    /// The bilan's records `copies` times over, the « ligne » column renumbered 1, 2, 3…: about 1,5 MB a
    /// thousand copies, so several chunks of 1 MiB.
    static func table(copies: Int, replacing: [Int: String] = [:]) throws -> String {
        let records = try records()
        var text = BatchStreamTests.header
        var number = 0
        for _ in 0..<copies {
            for record in records {
                number += 1
                if let replacement = replacing[number] {
                    text += replacement + "\n"
                } else {
                    text += "\(number)" + record.drop { $0 != ";" } + "\n"
                }
            }
        }
        return text
    }

    @Test("3 000 copies du bilan (36 000 lignes, 5 Mo) : chaque ligne à sa place, total × 3 000")
    func rowsInTableOrder() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        let text = try Self.table(copies: 3_000)
        #expect(text.utf8.count > 4 << 20)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let single = try Executable.run(["batch", Self.programme, "--table", BatchStreamTests.bilan, "--format", "csv"])
        let streamed = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv"])
        #expect(single.status == 0)
        #expect(streamed.status == 0, "\(streamed.stderr)")
        // The expected bytes: the twelve settled lines of the bilan, renumbered, 3 000 times.
        let pattern = single.stdout.components(separatedBy: "\r\n").dropFirst().prefix(12).map { $0.drop { $0 != "," } }
        var expected = single.stdout.components(separatedBy: "\r\n")[0] + "\r\n"
        var number = 0
        for _ in 0..<3_000 {
            for line in pattern {
                number += 1
                expected += "\(number)" + line + "\r\n"
            }
        }
        // Total of the bilan: 240 480,00 € printed, 248 480,00 € computed, −8 000,00 €, 120 240,00 € avance,
        // 197 152,00 € due, 77 120,00 € solde, 208,00 € titre; each × 3 000.
        expected += "Total,,,36000,,721440000.00,745440000.00,-24000000.00,360720000.00,591456000.00,231360000.00,624000.00\r\n"
        #expect(streamed.stdout == expected)
        // Excel-FR: one byte order mark, at the start of the file (not one per chunk).
        let excel = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv", "--csv-dialect", "excel-fr"])
        #expect(excel.status == 0)
        #expect(excel.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(excel.stdout.components(separatedBy: "\u{FEFF}").count == 2)
        #expect(excel.stdout.split(separator: "\r\n").count == 36_002)
    }

    @Test("Une cellule fausse au 4e morceau : le diagnostic porte la ligne du fichier, comme le lecteur tracé")
    func diagnosticLineInLaterChunk() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        let bad = "30000;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;450;72 000,00 €;337,5;-1,00 €;36 000 €"
        try Self.table(copies: 3_000, replacing: [30_000: bad]).write(toFile: path, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv"])
        let traced = try Executable.run(["batch", Self.programme, "--table", path, "--format", "json"])
        #expect(streamed.status == 2)
        #expect(traced.status == 2)
        // Record 30 000 is on line 30 001 (the header is line 1).
        #expect(streamed.stderr.contains("\(path):30001:8: erreur: cout-action"))
        let diagnostics = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix(path) } }
        #expect(diagnostics(streamed.stderr) == diagnostics(traced.stderr))
    }

    @Test("Une cellule fausse au début et une ligne refusée plus loin : la première décide (code 2, pas de refus)")
    func firstProblemDecides() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        let badCell = "5;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;450;72 000,00 €;337,5;-1,00 €;36 000 €"
        // Op. 1 has a rate: a row without its quantity cannot be computed (exit 1 when it comes first).
        let noQuantity = "30000;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;;72 000,00 €;337,5;72 000 €;36 000 €"
        try Self.table(copies: 3_000, replacing: [5: badCell, 30_000: noQuantity])
            .write(toFile: path, atomically: true, encoding: .utf8)
        let both = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("\(path):6:8: erreur: cout-action"))
        #expect(!both.stderr.contains(":30001:"))
        try Self.table(copies: 3_000, replacing: [30_000: noQuantity]).write(toFile: path, atomically: true, encoding: .utf8)
        let output = directory + "/lot.csv"
        let refused = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv", "--output", output])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(path):30001: erreur:"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("Un guillemet jamais fermé au dernier morceau : la ligne du fichier, pas celle du morceau")
    func quotingErrorLine() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        let open = "36000;Opération 1 : Dispositif référent solidarité;Arrageois;\"CCAS Arras;450;72 000,00 €;337,5;72 000 €;36 000 €"
        try Self.table(copies: 3_000, replacing: [36_000: open]).write(toFile: path, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", path, "--format", "csv"])
        #expect(streamed.status == 2)
        #expect(streamed.stderr.contains("\(path):36001:"), "\(streamed.stderr)")
    }

    @Test("Un montant de 17 chiffres d'euros : diagnostic fichier:ligne:colonne (code 2), en flux comme en tracé, pas d'arrêt brutal")
    func overflowingCell() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        let huge = "2;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;450;99 999 999 999 999 999 €;337,5;72 000 €;36 000 €"
        try Self.table(copies: 1, replacing: [2: huge]).write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["csv", "json"] {
            let run = try Executable.run(["batch", Self.programme, "--table", path, "--format", format])
            #expect(run.status == 2, "\(format) : \(run.stderr)")
            #expect(run.stderr.contains("\(path):3:6: erreur: montant"), "\(format) : \(run.stderr)")
        }
    }

    @Test("Les écarts signalés du programme (totaux, quantités, unités) en flux sur la sortie d'erreur, comme la section « constats » du rapport")
    func findingsOnStandardError() throws {
        let streamed = try Executable.run(["batch", Self.programme, "--format", "csv"])
        let traced = try Executable.run(["batch", Self.programme, "--format", "json"])
        #expect(streamed.status == 0)
        #expect(traced.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(traced.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let constats = try #require(sections.first { $0["id"] as? String == "constats" }?["paragraphes"] as? [String])
        let prefix = "\(Self.programme): "
        let printed = streamed.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) }
        // Row by row in the report (« l. 410 du document… »), one count on standard error: the rows are in the CSV.
        let perRow = constats.filter { $0.hasPrefix("avertissement : l. ") }
        #expect(perRow.count == 1)
        #expect(printed.contains("avertissement : 1 ligne du tableau dont le montant imprimé diffère de quantité × taux (colonne « ecart »)"))
        #expect(Set(printed.filter { !$0.contains("colonne « ecart »") }) == Set(constats.filter { !perRow.contains($0) }))
        #expect(printed.contains { $0.contains("« Dispositif référent solidarité » : quantité imprimée") })
    }

    @Test("Un --table de réalisations n'est pas le tableau du programme : ni le flux ni le rapport ne le comparent aux totaux imprimés")
    func realisedTableIsNotComparedWithPrintedTotals() throws {
        let streamed = try Executable.run(["batch", Self.programme, "--table", BatchStreamTests.bilan, "--format", "csv"])
        let traced = try Executable.run(["batch", Self.programme, "--table", BatchStreamTests.bilan, "--format", "json"])
        #expect(streamed.status == 0)
        #expect(traced.status == 0)
        for output in [streamed.stderr, traced.stdout] {
            #expect(!output.contains("total imprimé"))
            #expect(!output.contains("structures annoncées"))
            #expect(output.contains("compte ses lignes en « accueil »"))
        }
        // The Arrageois bilan's one row whose printed amount is not quantity × rate (CCAS Auchel, l. 410).
        #expect(streamed.stderr.contains("avertissement : 1 ligne du tableau dont le montant imprimé diffère"))
        #expect(traced.stdout.contains("(Artois, CCAS Auchel) : 175"))
    }
}
