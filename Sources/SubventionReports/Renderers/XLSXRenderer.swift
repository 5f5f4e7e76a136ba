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
///
/// Every part is an `Encodable` model of ``SpreadsheetML`` written by XMLCoder (no XML is assembled by hand).
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
        for (path, data) in try Self.parts(sheets, title: report.title) {
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

    static let relationshipType = SpreadsheetML.relationshipNamespace
    static let officeType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// Every part of the package, by path, in the order they are zipped (`[Content_Types].xml` first), each
    /// encoded by XMLCoder from its model.
    static func parts(_ sheets: [XLSXSheet], title: String) throws -> [(String, Data)] {
        let sheetPaths = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
        let contentTypes = SpreadsheetML.ContentTypes(
            defaults: [
                SpreadsheetML.Attributes([
                    "Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml",
                ]),
                SpreadsheetML.Attributes(["Extension": "xml", "ContentType": "application/xml"]),
            ],
            overrides: [
                SpreadsheetML.Attributes(["PartName": "/xl/workbook.xml", "ContentType": "\(officeType).sheet.main+xml"]),
                SpreadsheetML.Attributes(["PartName": "/xl/styles.xml", "ContentType": "\(officeType).styles+xml"]),
                SpreadsheetML.Attributes([
                    "PartName": "/docProps/core.xml",
                    "ContentType": "application/vnd.openxmlformats-package.core-properties+xml",
                ]),
            ]
                + sheetPaths.map { path in
                    SpreadsheetML.Attributes(["PartName": "/\(path)", "ContentType": "\(officeType).worksheet+xml"])
                })
        let rootRelationships = SpreadsheetML.Relationships(relationship: [
            SpreadsheetML.Relationships.relationship(
                "rId1", type: "\(relationshipType)/officeDocument", target: "xl/workbook.xml"),
            SpreadsheetML.Relationships.relationship(
                "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                target: "docProps/core.xml"),
        ])
        let core = SpreadsheetML.CoreProperties(title: SpreadsheetML.xmlText(title))
        var workbook = SpreadsheetML.Workbook(sheets: SpreadsheetML.Workbook.Sheets(sheet: []))
        var definedNames: [SpreadsheetML.Workbook.DefinedName] = []
        var workbookRelationships = SpreadsheetML.Relationships(relationship: [])
        for (index, sheet) in sheets.enumerated() {
            let name = SpreadsheetML.xmlText(sheet.name)
            workbook.sheets.sheet.append(
                SpreadsheetML.Attributes(["name": name, "sheetId": "\(index + 1)", "r:id": "rId\(index + 1)"]))
            workbookRelationships.relationship.append(
                SpreadsheetML.Relationships.relationship(
                    "rId\(index + 1)", type: "\(relationshipType)/worksheet", target: "worksheets/sheet\(index + 1).xml"))
            if let filter = sheet.filterRange {
                definedNames.append(
                    SpreadsheetML.Workbook.DefinedName(
                        name: "_xlnm._FilterDatabase", localSheetId: index,
                        value: "'\(name.replacingOccurrences(of: "'", with: "''"))'!\(filter.absolute)"))
            }
        }
        workbook.definedNames = definedNames.isEmpty ? nil : SpreadsheetML.Workbook.DefinedNames(definedName: definedNames)
        workbookRelationships.relationship.append(
            SpreadsheetML.Relationships.relationship(
                "rId\(sheets.count + 1)", type: "\(relationshipType)/styles", target: "styles.xml"))
        return [
            ("[Content_Types].xml", try SpreadsheetML.xml(contentTypes, root: "Types")),
            ("_rels/.rels", try SpreadsheetML.xml(rootRelationships, root: "Relationships")),
            ("docProps/core.xml", try SpreadsheetML.xml(core, root: "cp:coreProperties")),
            ("xl/workbook.xml", try SpreadsheetML.xml(workbook, root: "workbook")),
            ("xl/_rels/workbook.xml.rels", try SpreadsheetML.xml(workbookRelationships, root: "Relationships")),
            ("xl/styles.xml", try SpreadsheetML.xml(styles, root: "styleSheet")),
        ] + zip(sheetPaths, try sheets.map { try $0.xml() }).map { ($0, $1) }
    }

    /// Fonts: regular, bold. Cell styles (`s=`), in the order of ``XLSXSheet/Style``: plain, money (`#,##0.00 "€"`),
    /// date (`dd/mm/yyyy`), then the same three in bold.
    static let styles: SpreadsheetML.StyleSheet = {
        typealias Format = SpreadsheetML.StyleSheet.CellFormat
        let euro = 164
        let date = 165
        let cellFormats = [
            Format(numFmtId: 0, fontId: 0, xfId: 0),
            Format(numFmtId: euro, fontId: 0, xfId: 0, applyNumberFormat: 1),
            Format(numFmtId: date, fontId: 0, xfId: 0, applyNumberFormat: 1),
            Format(numFmtId: 0, fontId: 1, xfId: 0, applyFont: 1),
            Format(numFmtId: euro, fontId: 1, xfId: 0, applyNumberFormat: 1, applyFont: 1),
            Format(numFmtId: date, fontId: 1, xfId: 0, applyNumberFormat: 1, applyFont: 1),
        ]
        return SpreadsheetML.StyleSheet(
            numFmts: SpreadsheetML.Counted("numFmt", [
                SpreadsheetML.Attributes(["numFmtId": "\(euro)", "formatCode": "#,##0.00\\ \"€\""]),
                SpreadsheetML.Attributes(["numFmtId": "\(date)", "formatCode": "dd/mm/yyyy"]),
            ]),
            fonts: SpreadsheetML.Counted("font", [
                SpreadsheetML.StyleSheet.Font(), SpreadsheetML.StyleSheet.Font(b: SpreadsheetML.Empty()),
            ]),
            fills: SpreadsheetML.Counted("fill", [
                SpreadsheetML.StyleSheet.Fill(patternFill: SpreadsheetML.Attributes(["patternType": "none"])),
                SpreadsheetML.StyleSheet.Fill(patternFill: SpreadsheetML.Attributes(["patternType": "gray125"])),
            ]),
            borders: SpreadsheetML.Counted("border", [SpreadsheetML.StyleSheet.Border()]),
            cellStyleXfs: SpreadsheetML.Counted("xf", [Format(numFmtId: 0, fontId: 0)]),
            cellXfs: SpreadsheetML.Counted("xf", cellFormats),
            cellStyles: SpreadsheetML.Counted("cellStyle", [
                SpreadsheetML.Attributes(["name": "Normal", "xfId": "0", "builtinId": "0"])
            ]))
    }()
}
