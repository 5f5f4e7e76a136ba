import Foundation
import XMLCoder

/// The Office Open XML parts of a workbook (classeur) as `Encodable` models: XMLCoder writes their XML (names,
/// attributes, escaping), ZIPFoundation zips them (``XLSXRenderer``). Only what the reports use is modelled.
///
/// Attributes and elements are declared per key through `DynamicNodeEncoding`; elements are written in the order
/// of the `CodingKeys`, which is the order SpreadsheetML requires (`sheetViews` before `sheetData`, …).
enum SpreadsheetML {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// Encodes one part, with its root element name and the `<?xml … standalone="yes"?>` declaration.
    /// - Complexity: O(n) in the size of the part.
    static func xml<Part: Encodable>(_ part: Part, root: String) throws -> Data {
        let encoder = XMLEncoder()
        return try encoder.encode(
            part, withRootKey: root, header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
    }

    /// The characters XML 1.0 can carry (tab, line feed, carriage return and everything from U+0020, but U+FFFE and
    /// U+FFFF): a control character in a report's text is left out rather than making the part unreadable.
    static func xmlText(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: kept.append(scalar)
            case ..<0x20, 0xFFFE, 0xFFFF: continue
            default: kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// An element whose only content is attributes, all of them strings: `<dimension ref="A1:D6"/>`.
    struct Attributes: Encodable, DynamicNodeEncoding {
        var values: KeyValuePairs<String, String>

        init(_ values: KeyValuePairs<String, String>) { self.values = values }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in values { try container.encode(value, forKey: Key(stringValue: name)) }
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    /// An element with no content at all: `<b/>`.
    struct Empty: Encodable, Sendable {}

    /// Text with an optional `xml:space="preserve"` (leading or trailing spaces, line breaks).
    struct Text: Encodable, DynamicNodeEncoding {
        var space: String?
        var value: String

        init(_ text: String) {
            let text = SpreadsheetML.xmlText(text)
            value = text
            space = text.first == " " || text.last == " " || text.contains("\n") ? "preserve" : nil
        }

        enum CodingKeys: String, CodingKey {
            case space = "xml:space"
            case value = ""
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == CodingKeys.space.rawValue ? .attribute : .element
        }
    }
}

// MARK: - Worksheet (xl/worksheets/sheetN.xml)

extension SpreadsheetML {
    /// `<worksheet>`: one sheet's view, column widths, cells and filter.
    struct Worksheet: Encodable, DynamicNodeEncoding {
        var namespace = SpreadsheetML.mainNamespace
        var relationshipNamespace = SpreadsheetML.relationshipNamespace
        var dimension: Attributes
        var sheetViews: SheetViews
        var sheetFormatPr = Attributes(["defaultRowHeight": "15"])
        var cols: Columns
        var sheetData: SheetData
        var autoFilter: Attributes?

        enum CodingKeys: String, CodingKey {
            case namespace = "xmlns", relationshipNamespace = "xmlns:r"
            case dimension, sheetViews, sheetFormatPr, cols, sheetData, autoFilter
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue.hasPrefix("xmlns") ? .attribute : .element
        }
    }

    /// `<sheetViews>` with the header row frozen: the pane below row 1, selection in A2.
    struct SheetViews: Encodable, Sendable {
        struct SheetView: Encodable, DynamicNodeEncoding {
            var workbookViewId = "0"
            var pane = Attributes([
                "ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen",
            ])
            var selection = Attributes(["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])

            static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "workbookViewId" ? .attribute : .element
            }
        }

        var sheetView = SheetView()
    }

    /// `<cols>`: one `<col>` per column, with its width in characters.
    struct Columns: Encodable, Sendable {
        struct Column: Encodable, DynamicNodeEncoding {
            var min: Int
            var max: Int
            var width: Int
            var customWidth = 1

            static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }

        var col: [Column]
    }

    /// `<sheetData>`: the rows, in order.
    struct SheetData: Encodable, Sendable {
        var row: [Row]
    }

    /// `<row r="2">` and its cells; empty cells are not written.
    struct Row: Encodable, DynamicNodeEncoding {
        var r: Int
        var c: [Cell]

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "r" ? .attribute : .element
        }
    }

    /// `<c>`: a number (`<v>`) or an inline string (`t="inlineStr"`, `<is><t>`), which is never read as a formula.
    struct Cell: Encodable, DynamicNodeEncoding {
        var r: String
        var s: Int
        var t: String?
        var v: String?
        var `is`: InlineString?

        struct InlineString: Encodable, Sendable {
            var t: Text
        }

        static func number(_ value: String, at reference: String, style: Int) -> Cell {
            Cell(r: reference, s: style, t: nil, v: value, is: nil)
        }

        static func text(_ text: String, at reference: String, style: Int) -> Cell {
            Cell(r: reference, s: style, t: "inlineStr", v: nil, is: InlineString(t: Text(text)))
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            switch key.stringValue {
            case "r", "s", "t": .attribute
            default: .element
            }
        }
    }
}

// MARK: - Workbook, relationships, content types, properties

extension SpreadsheetML {
    /// `<workbook>` (xl/workbook.xml): the sheets in order, and the hidden names of their filters.
    struct Workbook: Encodable, DynamicNodeEncoding {
        var namespace = SpreadsheetML.mainNamespace
        var relationshipNamespace = SpreadsheetML.relationshipNamespace
        var sheets: Sheets
        var definedNames: DefinedNames?

        struct Sheets: Encodable, Sendable {
            var sheet: [Attributes]
        }

        struct DefinedNames: Encodable, Sendable {
            var definedName: [DefinedName]
        }

        /// `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Lignes'!$A$1:$D$4</definedName>`.
        struct DefinedName: Encodable, DynamicNodeEncoding {
            var name: String
            var localSheetId: Int
            var hidden = 1
            var value: String

            enum CodingKeys: String, CodingKey {
                case name, localSheetId, hidden
                case value = ""
            }

            static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue.isEmpty ? .element : .attribute
            }
        }

        enum CodingKeys: String, CodingKey {
            case namespace = "xmlns", relationshipNamespace = "xmlns:r"
            case sheets, definedNames
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue.hasPrefix("xmlns") ? .attribute : .element
        }
    }

    /// `<Relationships>` (`_rels/.rels`, `xl/_rels/workbook.xml.rels`).
    struct Relationships: Encodable, DynamicNodeEncoding {
        var namespace = SpreadsheetML.packageRelationshipNamespace
        var relationship: [Attributes]

        enum CodingKeys: String, CodingKey {
            case namespace = "xmlns"
            case relationship = "Relationship"
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "xmlns" ? .attribute : .element
        }

        static func relationship(_ id: String, type: String, target: String) -> Attributes {
            Attributes(["Id": id, "Type": type, "Target": target])
        }
    }

    /// `<Types>` (`[Content_Types].xml`): defaults by extension, then one override per part.
    struct ContentTypes: Encodable, DynamicNodeEncoding {
        var namespace = SpreadsheetML.contentTypesNamespace
        var defaults: [Attributes]
        var overrides: [Attributes]

        enum CodingKeys: String, CodingKey {
            case namespace = "xmlns"
            case defaults = "Default"
            case overrides = "Override"
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "xmlns" ? .attribute : .element
        }
    }

    /// `<cp:coreProperties>` (docProps/core.xml): the report's title and language.
    struct CoreProperties: Encodable, DynamicNodeEncoding {
        var corePropertiesNamespace = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        var dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
        var title: String
        var language = "fr-FR"

        enum CodingKeys: String, CodingKey {
            case corePropertiesNamespace = "xmlns:cp", dublinCoreNamespace = "xmlns:dc"
            case title = "dc:title", language = "dc:language"
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue.hasPrefix("xmlns") ? .attribute : .element
        }
    }
}

// MARK: - Styles (xl/styles.xml)

extension SpreadsheetML {
    /// A list element with its `count` attribute: `<fonts count="2"><font>…</font><font>…</font></fonts>`.
    struct Counted<Item: Encodable & Sendable>: Encodable, DynamicNodeEncoding {
        /// The name of each item's element (`font`).
        var element: String
        var items: [Item]

        init(_ element: String, _ items: [Item]) {
            self.element = element
            self.items = items
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Attributes.Key.self)
            try container.encode(items.count, forKey: Attributes.Key(stringValue: "count"))
            try container.encode(items, forKey: Attributes.Key(stringValue: element))
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "count" ? .attribute : .element
        }
    }

    /// `<styleSheet>`: number formats, fonts, fills, borders and the cell styles (`s=` of a cell is an index of
    /// `cellXfs`).
    struct StyleSheet: Encodable, DynamicNodeEncoding {
        var namespace = SpreadsheetML.mainNamespace
        var numFmts: Counted<Attributes>
        var fonts: Counted<Font>
        var fills: Counted<Fill>
        var borders: Counted<Border>
        var cellStyleXfs: Counted<CellFormat>
        var cellXfs: Counted<CellFormat>
        var cellStyles: Counted<Attributes>

        enum CodingKeys: String, CodingKey {
            case namespace = "xmlns"
            case numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles
        }

        static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "xmlns" ? .attribute : .element
        }

        /// `<font>`, bold when `b` is present.
        struct Font: Encodable, Sendable {
            var b: Empty?
            var sz = Attributes(["val": "11"])
            var name = Attributes(["val": "Calibri"])
        }

        struct Fill: Encodable, Sendable {
            var patternFill: Attributes
        }

        /// `<border>` with its five sides and none drawn.
        struct Border: Encodable, Sendable {
            var left = Empty(), right = Empty(), top = Empty(), bottom = Empty(), diagonal = Empty()
        }

        /// `<xf>`: a number format and a font; `xfId` is absent in `cellStyleXfs`.
        struct CellFormat: Encodable, DynamicNodeEncoding {
            var numFmtId: Int
            var fontId: Int
            var fillId = 0
            var borderId = 0
            var xfId: Int?
            var applyNumberFormat: Int?
            var applyFont: Int?

            static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
    }
}
