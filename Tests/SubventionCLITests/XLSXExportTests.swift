import Foundation
import SubventionCSV
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--format xlsx` on the Pas-de-Calais programme (`batch`): the workbook's parts read back at the XML level, and
/// converted by LibreOffice when it is installed.
@Suite("XLSX : classeur du lot du Pas-de-Calais")
struct XLSXExportTests {
    /// A worksheet's cells: row number → column letters → (type attribute, style, value or inline text).
    final class Sheet: NSObject, XMLParserDelegate {
        struct Cell {
            var type: String?
            var style: String?
            var value = ""
        }

        var rows: [Int: [String: Cell]] = [:]
        var frozenRows: String?
        var autoFilter: String?
        private var reference: String?
        private var cell = Cell()
        private var inValue = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "c":
                reference = attributes["r"]
                cell = Cell(type: attributes["t"], style: attributes["s"])
            case "v", "t": inValue = true
            case "pane": frozenRows = attributes["state"] == "frozen" ? attributes["ySplit"] : nil
            case "autoFilter": autoFilter = attributes["ref"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { cell.value += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "v" || name == "t" { inValue = false }
            if name == "c", let reference {
                let column = String(reference.prefix { $0.isLetter })
                let row = Int(reference.drop { $0.isLetter }) ?? 0
                rows[row, default: [:]][column] = cell
                self.reference = nil
            }
        }
    }

    static func part(_ path: String, of archive: Archive) throws -> Data {
        let entry = try #require(archive[path], "\(path) manquant")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    /// `1466282.20` → 146628220; nil for anything but digits with at most two decimals.
    static func cents(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let euros = Int64(parts[0]) else { return nil }
        guard parts.count == 2 else { return euros * 100 }
        guard (1...2).contains(parts[1].count), let fraction = Int64(parts[1]) else { return nil }
        return euros * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }

    @Test("153 lignes de données dont les « Montant imprimé » sont des nombres en euros qui totalisent 5 389 377,72 €")
    func batchWorkbook() throws {
        let directory = NSTemporaryDirectory() + "subvention-xlsx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/lot.xlsx"
        let run = try Executable.run([
            "batch", "Conventions/pas-de-calais/inclusion-durable-2023.yaml", "--as-of", "2024-07-15", "--format", "xlsx",
            "--output", file,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        let contentTypes = String(decoding: try Self.part("[Content_Types].xml", of: archive), as: UTF8.self)
        #expect(contentTypes.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
        let workbook = String(decoding: try Self.part("xl/workbook.xml", of: archive), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"Lignes du tableau\" sheetId=\"1\" r:id=\"rId1\" />"))
        let styles = String(decoding: try Self.part("xl/styles.xml", of: archive), as: UTF8.self)
        // `# ##0,00 €` in a French spreadsheet; style 1 is money, 4 bold money.
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\\ &quot;€&quot;\" />"))

        let sheet = Sheet()
        let parser = XMLParser(data: try Self.part("xl/worksheets/sheet1.xml", of: archive))
        parser.delegate = sheet
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let header = try #require(sheet.rows[1])
        let montant = try #require(header.first { $0.value.value == "Montant imprimé" }?.key)
        #expect(header[montant]?.style == "3")
        let dataRows = sheet.rows.keys.filter { $0 > 1 && $0 <= 154 }.sorted()
        #expect(dataRows == Array(2...154))
        var sum: Int64 = 0
        for row in dataRows {
            let cell = try #require(sheet.rows[row]?[montant], "ligne \(row)")
            // A number (no `t`, or `t="n"`), formatted in euros.
            #expect(cell.type == nil || cell.type == "n", "ligne \(row)")
            #expect(cell.style == "1", "ligne \(row)")
            let value = try #require(Self.cents(cell.value), "ligne \(row) : « \(cell.value) »")
            sum += value
        }
        #expect(sum == 538_937_772)
        // The header frozen, the filter over header and data only; the total apart (an empty row between), bold.
        #expect(sheet.frozenRows == "1")
        #expect(sheet.autoFilter?.hasSuffix("154") == true)
        #expect(sheet.rows[155] == nil)
        let total = try #require(sheet.rows[156]?[montant])
        #expect(total.style == "4")
        #expect(Self.cents(total.value) == 538_937_772)
        // Text that looks like a formula stays text (inline strings only, no formula element).
        let sheetText = String(decoding: try Self.part("xl/worksheets/sheet1.xml", of: archive), as: UTF8.self)
        #expect(!sheetText.contains("<f>") && !sheetText.contains("t=\"s\""))

        try Self.libreOfficeCheck(file, directory: directory)
    }

    /// When LibreOffice is installed: a headless conversion of the first sheet to CSV (raw values, not as shown)
    /// gives the same 153 amounts.
    static func libreOfficeCheck(_ file: String, directory: String) throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(directory)/profil", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false", "--outdir", directory, file,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let bytes = try #require(FileManager.default.contents(atPath: directory + "/lot.csv"), "LibreOffice n'a rien écrit")
        let table = try CSVReader.table(bytes: [UInt8](bytes), delimiter: .comma)
        let column = try #require(table.header.firstIndex(of: "Montant imprimé"))
        let amounts = table.records.prefix { !$0.fields.allSatisfy(\.isEmpty) }.map { $0.fields[column] }
        #expect(amounts.count == 153)
        #expect(amounts.compactMap(Self.cents).count == 153, "\(amounts.prefix(3))")
        #expect(amounts.compactMap(Self.cents).reduce(0, +) == 538_937_772)
    }
}
