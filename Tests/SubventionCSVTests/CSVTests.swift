import Foundation
import Testing

@testable import SubventionCSV

@Suite("CSV par libcsv")
struct CSVTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("En-tête, séparateur « ; » détecté, BOM retiré, CRLF")
    func readsFrenchSpreadsheet() throws {
        let table = try CSVReader.table(bytes: [0xEF, 0xBB, 0xBF] + bytes("structure;montant\r\nCCAS Arras;72 000,00 €\r\n"))
        #expect(table.delimiter == .semicolon)
        #expect(table.header == ["structure", "montant"])
        #expect(table.records == [CSVRecord(line: 2, fields: ["CCAS Arras", "72 000,00 €"])])
        #expect(table.column(named: "Montant") == 1)
    }

    @Test("Champs entre guillemets sur plusieurs lignes : chaque enregistrement garde sa ligne")
    func lineNumbers() throws {
        let text = "a,b\n1,\"deux\nlignes\"\n3,\"un \"\"mot\"\"\"\n\n4,fin\n"
        let table = try CSVReader.table(bytes: bytes(text))
        #expect(table.records.map(\.line) == [2, 4, 6])
        #expect(table.records[0][1] == "deux\nlignes")
        #expect(table.records[1][1] == "un \"mot\"")
    }

    @Test("Guillemet non fermé : erreur avec la ligne")
    func unterminatedQuote() {
        do {
            _ = try CSVReader.table(bytes: bytes("a,b\n1,2\n3,\"ouvert\n"), file: "t.csv")
            Issue.record("le CSV aurait dû être refusé")
        } catch {
            #expect(error.file == "t.csv")
            #expect(error.line == 3)
            #expect(error.message.contains("guillemet"))
        }
    }

    @Test("Guillemet mal placé : erreur avec la ligne et la colonne")
    func strayQuote() {
        do {
            _ = try CSVReader.table(bytes: bytes("a,b\n1,2\n3,\"x\"y\n"), file: "t.csv")
            Issue.record("le CSV aurait dû être refusé")
        } catch {
            #expect(error.line == 3)
            #expect(error.column > 1)
        }
    }

    @Test("Nombre de champs différent de l'en-tête")
    func fieldCount() {
        do {
            _ = try CSVReader.table(bytes: bytes("a;b;c\n1;2;3\n4;5\n"), file: "t.csv")
            Issue.record("le CSV aurait dû être refusé")
        } catch {
            #expect(error.description == "t.csv:3:3: erreur: 3 champs attendus (en-tête), 2 trouvés")
        }
    }

    @Test("Texte qui n'est pas de l'UTF-8")
    func invalidUTF8() {
        do {
            _ = try CSVReader.table(bytes: bytes("a,b\n1,2\n") + [0x33, 0x2C, 0xE9, 0x0A], file: "t.csv")
            Issue.record("le CSV aurait dû être refusé")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test("Fichier vide")
    func empty() {
        #expect(throws: CSVError.self) { try CSVReader.table(bytes: []) }
    }

    @Test("Neutralisation des formules, nombres négatifs intacts", arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+33 6", "'+33 6"), ("@cmd", "'@cmd"), ("-1250.00", "-1250.00"),
        ("-1 250,00 €", "-1 250,00 €"), ("-1\u{A0}250,00\u{A0}€", "-1\u{A0}250,00\u{A0}€"), ("-12 %", "-12 %"),
        ("-x", "'-x"), ("\tcache", "'\tcache"), ("CCAS", "CCAS"), ("-1,2,3", "'-1,2,3"),
    ])
    func neutralises(_ field: String, _ expected: String) {
        #expect(CSVWriter.neutralised(field) == expected)
    }

    @Test("Écriture puis lecture redonnent les mêmes champs (1 000 tableaux aléatoires)")
    func roundTrip() throws {
        var generator = SplitMix(seed: 2023)
        let alphabet = Array("aé;,\"\n\r x1€\u{A0}'-=")
        for _ in 0..<1000 {
            let dialect: CSVDialect = generator.next() % 2 == 0 ? .rfc4180 : .excelFrench
            let columns = Int(generator.next() % 4) + 1
            let header = (0..<columns).map { "col\($0)" }
            let rows = (0..<Int(generator.next() % 5)).map { _ in
                (0..<columns).map { _ in
                    "v" + String((0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                }
            }
            var writer = CSVWriter(dialect: CSVDialect(delimiter: dialect.delimiter, byteOrderMark: dialect.byteOrderMark, neutralisesFormulas: false))
            writer.write(header)
            rows.forEach { writer.write($0) }
            let table = try CSVReader.table(bytes: writer.bytes, delimiter: dialect.delimiter)
            #expect(table.header == header)
            #expect(table.records.map(\.fields) == rows)
        }
    }
}

/// A small deterministic generator for the property test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("CSV lu par morceaux depuis un fichier")
struct CSVFileStreamingTests {
    @Test("Des morceaux de 7 octets redonnent les mêmes enregistrements et les mêmes lignes")
    func smallChunks() throws {
        let text = "\u{FEFF}a;b\n1;\"deux\nlignes\"\n3;\"x;y\"\n4;fin\n"
        let path = NSTemporaryDirectory() + "subvention-chunks-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var records: [CSVRecord] = []
        try CSVReader.forEachRecord(path: path, delimiter: .semicolon, chunkSize: 7) { (line, fields) throws(CSVError) in
            records.append(CSVRecord(line: line, fields: fields.map { String(decoding: $0, as: UTF8.self) }))
        }
        let whole = try CSVReader.table(bytes: Array(text.utf8))
        #expect(records.first?.fields == whole.header)
        #expect(Array(records.dropFirst()) == whole.records)
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test("Fins de ligne CR seules (anciens Mac) : chaque enregistrement a sa vraie ligne")
    func carriageReturnOnly() throws {
        let table = try CSVReader.table(bytes: Array("a;b\r1;2\r\"x\ry\";4\r5;6\r".utf8))
        #expect(table.records == [
            CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["x\ry", "4"]),
            CSVRecord(line: 5, fields: ["5", "6"]),
        ])
    }
}
