import Foundation
import Testing

/// Issue 13: `batch --format csv` streams the table on the kernel; it gives the traced report's rows, the same
/// diagnostics, writes whole or nothing, and the formats that hold everything stop at a stated limit.
@Suite("batch en flux : mêmes lignes que le rapport tracé, erreurs bornées, tout ou rien")
struct BatchStreamTests {
    static let programme = "Conventions/pas-de-calais/inclusion-durable-2023.yaml"
    static let bilan = "Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv"
    static let header = "ligne;operation;territoire;structure;quantite;montant;quantite_realisee;cout_action;avance\n"
    static let osartis = "404;Opération 1 : Dispositif référent solidarité;Arrageois;CC Osartis Marquion;130;20 800,00 €;130;20 800 €;10 400 €\n"

    static func temporaryDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "subvention-flux-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("Le CSV en flux a les lignes et le total du rapport tracé (JSON), cellule par cellule")
    func sameRowsAsTracedReport() throws {
        let streamed = try Executable.run(["batch", Self.programme, "--table", Self.bilan, "--format", "csv"])
        #expect(streamed.status == 0)
        let traced = try Executable.run(["batch", Self.programme, "--table", Self.bilan, "--format", "json"])
        #expect(traced.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(traced.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let lines = try #require(sections.first { $0["id"] as? String == "lignes" })
        let rows = try #require(lines["lignes"] as? [[String: Any]]) + [try #require(lines["total"] as? [String: Any])]
        let records = streamed.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let keys = try #require(records.first)
        #expect(keys == ["ligne", "operation", "territoire", "structure", "quantite", "montant-imprime", "montant-calcule", "ecart", "avance", "du", "solde", "titre-de-recettes"])
        #expect(records.count == rows.count + 1)
        for (record, row) in zip(records.dropFirst(), rows) {
            for (key, field) in zip(keys, record) {
                let value = row[key].map { $0 is NSNull ? "" : "\($0)" } ?? ""
                #expect(field == value, "\(key) : \(field) en flux, \(value) tracé")
            }
        }
        // CCAS Dainville (l. 406): 5,2 places realised of 13 → 832,00 € due, 208,00 € titre de recettes.
        #expect(streamed.stdout.contains("406,Dispositif référent solidarité,Arrageois,CCAS Dainville,13,2080.00,2080.00,0.00,1040.00,832.00,,208.00\r\n"))
        #expect(streamed.stdout.hasSuffix("Total,,,12,,240480.00,248480.00,-8000.00,120240.00,197152.00,77120.00,208.00\r\n"))
    }

    @Test("Excel-FR en flux : BOM, « ; », virgule décimale, titres français")
    func excelFrench() throws {
        let streamed = try Executable.run(["batch", Self.programme, "--table", Self.bilan, "--format", "csv", "--csv-dialect", "excel-fr"])
        #expect(streamed.status == 0)
        #expect(streamed.stdout.hasPrefix("\u{FEFF}Ligne;Opération;Territoire;Structure"))
        #expect(streamed.stdout.contains(";832,00;;208,00\r\n"))
    }

    @Test("Une cellule fausse : le même diagnostic fichier:ligne:colonne en flux et en tracé, rien n'est écrit")
    func sameDiagnostics() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = directory + "/bilan.csv"
        // An over-long decimal (issue 13: refused by one path, 197,53 € by the other) and a negative cost.
        let bad = "405;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;450;72 000,00 €;337,500000000000000000001;72 000 €;36 000 €\n"
            + "406;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Dainville;13;2 080,00 €;5,2;-1,00 €;1 040 €\n"
        try (Self.header + Self.osartis + bad).write(toFile: table, atomically: true, encoding: .utf8)
        let output = directory + "/lot.csv"
        try "ancien contenu\n".write(toFile: output, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", table, "--format", "csv", "--output", output])
        let traced = try Executable.run(["batch", Self.programme, "--table", table, "--format", "json"])
        #expect(streamed.status == 2)
        #expect(traced.status == 2)
        #expect(streamed.stderr.contains("\(table):3:7: erreur: quantite-realisee"))
        #expect(streamed.stderr.contains("\(table):4:8: erreur: cout-action"))
        let diagnostics = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix(table) } }
        #expect(diagnostics(streamed.stderr) == diagnostics(traced.stderr))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "ancien contenu\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["bilan.csv", "lot.csv"])
    }

    @Test("10 000 lignes fausses : 100 diagnostics puis leur nombre")
    func boundedDiagnostics() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = directory + "/bilan.csv"
        var text = Self.header
        for line in 0..<10_000 { text += "\(line);Opération inconnue;A;S;1;1,00 €;1;1 €;0 €\n" }
        try text.write(toFile: table, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", table, "--format", "csv"])
        #expect(streamed.status == 2)
        #expect(streamed.stdout.isEmpty || !streamed.stdout.contains("Total"))
        let lines = streamed.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains(": erreur: opération « Opération inconnue »") }.count == 100)
        #expect(streamed.stderr.contains("9900 autre(s) diagnostic(s) non affiché(s)"))
    }

    @Test("Une ligne que le moteur refuse : code 1, fichier:ligne, et le fichier de sortie n'est pas créé")
    func refusedRowWritesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = directory + "/bilan.csv"
        // Op. 1 has a rate: a row without its quantity cannot be computed.
        let noQuantity = "405;Opération 1 : Dispositif référent solidarité;Arrageois;CCAS Arras;;72 000,00 €;337,5;72 000 €;36 000 €\n"
        try (Self.header + Self.osartis + noQuantity).write(toFile: table, atomically: true, encoding: .utf8)
        let output = directory + "/lot.csv"
        let streamed = try Executable.run(["batch", Self.programme, "--table", table, "--format", "csv", "--output", output])
        #expect(streamed.status == 1)
        #expect(streamed.stderr.contains("\(table):3: erreur:"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["bilan.csv"])
    }

    @Test("--expliquer 406 : le calcul tracé de la ligne (CCAS Dainville, 832,00 € dus, titre de 208,00 €)")
    func explainOneRow() throws {
        let explained = try Executable.run(["batch", Self.programme, "--table", Self.bilan, "--expliquer", "406", "--format", "json"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("832.00"))
        #expect(explained.stdout.contains("208.00"))
        #expect(explained.stdout.contains("prorata"))
        let absent = try Executable.run(["batch", Self.programme, "--table", Self.bilan, "--expliquer", "9999"])
        #expect(absent.status == 2)
        #expect(absent.stderr.contains("aucune ligne « 9999 »"))
    }

    @Test("Au-delà de 100 000 lignes, le texte et le JSON sont refusés avec un message en français qui dit quoi faire")
    func tracedRowLimit() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = directory + "/bilan.csv"
        var text = Self.header
        text.reserveCapacity(140 * 100_002)
        for line in 0...100_000 {
            text += "\(line);Opération 1 : Dispositif référent solidarité;Arrageois;CC Osartis Marquion;130;20 800,00 €;130;20 800 €;10 400 €\n"
        }
        try text.write(toFile: table, atomically: true, encoding: .utf8)
        let refused = try Executable.run(["batch", Self.programme, "--table", table])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("100001 lignes : au-delà de 100000 lignes"))
        #expect(refused.stderr.contains("--format csv"))
        // The same table in CSV streams (measured at 10⁶ and 10⁷ rows by Benchmarks/batch.sh, not here: no timed tests).
        let json = try Executable.run(["batch", Self.programme, "--table", table, "--format", "json"])
        #expect(json.status == 1)
    }
}
