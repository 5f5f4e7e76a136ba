import Foundation
import SubventionCore
import ZIPFoundation

/// Renders a report as an Excel workbook (Office Open XML, `.xlsx`), zipped with ZIPFoundation.
///
/// One sheet per section (a table, the payment calendar as its table, paragraphs as one column). Amounts are
/// numbers with the format `#,##0.00 "€"` (shown `1 466 282,20 €` by a French spreadsheet), dates are dates
/// (`dd/mm/yyyy`), other numbers are numbers; text is stored as inline strings, so a cell starting with `=` is
/// text and never a formula. The header row is bold and frozen, with a filter over the data; the total row is
/// bold and kept apart from the data by an empty row, so that sorting and filters leave it alone. Column widths
/// fit the longest value. The same report always gives the same bytes (fixed entry dates).
public struct XLSXRenderer: ReportRenderer {
    /// A workbook is not text.
    public struct NotText: Error, CustomStringConvertible {
        public var description: String { "un classeur XLSX n'est pas du texte : il s'écrit en octets (--output)" }
    }

    public init() {}

    public func render(_ report: Report) throws -> String { throw NotText() }

    public func bytes(_ report: Report) throws -> [UInt8] {
        let sheets = XLSXSheet.sheets(of: report)
        let archive = try Archive(accessMode: .create)
        for (path, text) in Self.parts(sheets, title: report.title) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw NotText() }
        return Array(data)
    }

    /// 1 January 2000, for every entry, so that the bytes do not depend on the hour.
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Every part of the package, by path, in the order they are zipped (`[Content_Types].xml` first).
    static func parts(_ sheets: [XLSXSheet], title: String) -> [(String, String)] {
        let sheetPaths = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
        var contentTypes = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        for path in sheetPaths {
            contentTypes += "<Override PartName=\"/\(path)\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        contentTypes += "</Types>"
        let rootRelationships = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "</Relationships>"
        let core = header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(HTMLRenderer.escape(title))</dc:title>"
            + "<dc:language>fr-FR</dc:language></cp:coreProperties>"
        var workbook = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        var definedNames = ""
        var workbookRelationships = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(HTMLRenderer.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            workbookRelationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
            if let filter = sheet.filterRange {
                definedNames += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                    + "'\(HTMLRenderer.escape(sheet.name.replacingOccurrences(of: "'", with: "''")))'!\(filter.absolute)</definedName>"
            }
        }
        workbook += "</sheets>" + (definedNames.isEmpty ? "" : "<definedNames>\(definedNames)</definedNames>") + "</workbook>"
        workbookRelationships += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRelationships), ("docProps/core.xml", core),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", styles)]
            + zip(sheetPaths, sheets.map(\.xml)).map { ($0, $1) }
    }

    /// Fonts: regular, bold. Cell styles (`s=`), see ``XLSXSheet/Style``.
    static let styles = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.00\\ &quot;€&quot;\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
