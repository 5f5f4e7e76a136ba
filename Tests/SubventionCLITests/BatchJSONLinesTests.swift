import Foundation
import Testing

/// Issue 13: `batch --format jsonl` streams the « lignes » table as JSON lines (one object per row, then the total),
/// with the values of the JSON report; every report can be written as JSON lines (`JSONLinesRenderer`).
@Suite("JSON par ligne : batch en flux et tous les rapports")
struct BatchJSONLinesTests {
    static let programme = BatchStreamTests.programme

    static func objects(_ text: String) throws -> [NSDictionary] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary, "\(line)")
        }
    }

    static func reportRows(_ json: String, section: String) throws -> [NSDictionary] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let table = try #require(sections.first { $0["id"] as? String == section })
        let rows = try #require(table["lignes"] as? [NSDictionary])
        return rows + ((table["total"] as? NSDictionary).map { [$0] } ?? [])
    }

    @Test("Les lignes en flux sont celles du rapport JSON tracé, objet par objet, textes difficiles compris (guillemets, \\, tabulation, accents)")
    func sameObjectsAsJSONReport() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        var text = try String(contentsOfFile: BatchStreamTests.bilan, encoding: .utf8)
        text += "999;Opération 1 : Dispositif référent solidarité;Arrageois;\"CCAS \"\"Épinoy\"\" \\ \tsud\";10;1 600,00 €;4;1 600 €;800 €\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", path, "--format", "jsonl"])
        let traced = try Executable.run(["batch", Self.programme, "--table", path, "--format", "json"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(traced.status == 0)
        let lines = try Self.objects(streamed.stdout)
        let rows = try Self.reportRows(traced.stdout, section: "lignes")
        #expect(lines.count == 14)
        #expect(lines == rows)
        #expect(lines.last?["ligne"] as? String == "Total")
        #expect(lines[12]["structure"] as? String == "CCAS \"Épinoy\" \\ \tsud")
        // CCAS Dainville (l. 406): 832,00 € due, 208,00 € titre de recettes.
        #expect(streamed.stdout.contains(#""structure":"CCAS Dainville","quantite":"13","montant-imprime":"2080.00","montant-calcule":"2080.00","ecart":"0.00","avance":"1040.00","du":"832.00","solde":null,"titre-de-recettes":"208.00"}"#))
    }

    @Test("36 000 lignes sur plusieurs morceaux : une ligne JSON par ligne du tableau, dans l'ordre, puis le total")
    func manyChunks() throws {
        let directory = try BatchStreamTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bilan.csv"
        try BatchStreamChunkTests.table(copies: 3_000).write(toFile: path, atomically: true, encoding: .utf8)
        let streamed = try Executable.run(["batch", Self.programme, "--table", path, "--format", "jsonl"])
        #expect(streamed.status == 0)
        let lines = try Self.objects(streamed.stdout)
        #expect(lines.count == 36_001)
        #expect(lines.dropLast().enumerated().allSatisfy { $0.element["ligne"] as? String == String($0.offset + 1) })
        #expect(lines.last?["structure"] as? Int == 36_000)
        #expect(lines.last?["du"] as? String == "591456000.00")
    }

    @Test("report --format jsonl : les lignes et le total du tableau du rapport JSON ; --section choisit le tableau")
    func everyReport() throws {
        let jsonl = try Executable.run(["report", "Conventions/", "--format", "jsonl"])
        let json = try Executable.run(["report", "Conventions/", "--format", "json"])
        #expect(jsonl.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["sections"] as? [[String: Any]])?.first { $0["type"] as? String == "tableau" })
        let id = try #require(first["id"] as? String)
        #expect(try Self.objects(jsonl.stdout) == Self.reportRows(json.stdout, section: id))
        let unknown = try Executable.run(["report", "Conventions/", "--format", "jsonl", "--section", "nulle-part"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("sections possibles"))
    }
}
