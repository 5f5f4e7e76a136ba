import SubventionCore

/// One worksheet of an XLSX workbook: a section's table as SpreadsheetML.
struct XLSXSheet {
    /// Cell styles, the indexes of `cellXfs` in ``XLSXRenderer/styles``.
    enum Style: Int {
        case plain = 0, money, date, bold, boldMoney, boldDate
    }

    /// A rectangle of cells, `A1:L154`.
    struct Range {
        var columns: Int
        var rows: Int
        var reference: String { "A1:\(XLSXSheet.column(columns - 1))\(rows)" }
        var absolute: String { "$A$1:$\(XLSXSheet.column(columns - 1))$\(rows)" }
    }

    var name: String
    var xml: String
    /// The header and data rows, for the filter; nil when there is no data row.
    var filterRange: Range?

    /// One sheet per section, named after its title (unique, at most 31 characters, without `[]:*?/\`).
    static func sheets(of report: Report) -> [XLSXSheet] {
        var used: Set<String> = []
        return report.sections.map { section in
            let table: ReportTable
            switch section.content {
            case .table(let sectionTable): table = sectionTable
            case .calendar(let calendar): table = CalendarTable.make(calendar)
            case .paragraphs(let paragraphs):
                table = ReportTable(columns: [ReportColumn("texte", section.title)], rows: paragraphs.map { [.text($0)] })
            }
            let name = uniqueName(section.title, used: &used)
            return XLSXSheet(name: name, table: table)
        }
    }

    static func uniqueName(_ title: String, used: inout Set<String>) -> String {
        var base = String(title.map { "[]:*?/\\".contains($0) ? " " : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Feuille" }
        var name = String(base.prefix(31))
        var counter = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(counter))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }

    init(name: String, table: ReportTable) {
        self.name = name
        let rows = table.fittedRows
        let total = table.fittedTotal
        let columnCount = max(table.columns.count, 1)
        var widths = table.columns.map { $0.title.count }
        for row in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.displayed(cell).count) }
        }
        var sheetData = "<row r=\"1\">"
        for (index, column) in table.columns.enumerated() {
            sheetData += Self.text(column.title, at: "\(Self.column(index))1", style: .bold)
        }
        sheetData += "</row>"
        for (offset, row) in rows.enumerated() {
            sheetData += Self.row(row, number: offset + 2, bold: false)
        }
        let lastRow: Int
        if let total {
            // One empty row between the data and the total, so that sorting and filters leave the total alone.
            lastRow = rows.count + 3
            sheetData += Self.row(total, number: lastRow, bold: true)
        } else {
            lastRow = rows.count + 1
        }
        filterRange = rows.isEmpty ? nil : Range(columns: columnCount, rows: rows.count + 1)
        var xml = XLSXRenderer.header + "<worksheet xmlns=\"\(XLSXRenderer.mainNamespace)\" "
            + "xmlns:r=\"\(XLSXRenderer.relationshipNamespace)\">"
            + "<dimension ref=\"\(Range(columns: columnCount, rows: lastRow).reference)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in widths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(width + 2, 8), 80))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>\(sheetData)</sheetData>"
        if let filterRange { xml += "<autoFilter ref=\"\(filterRange.reference)\"/>" }
        self.xml = xml + "</worksheet>"
    }

    static func row(_ cells: [ReportCell], number: Int, bold: Bool) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = "\(column(index))\(number)"
            switch cell {
            case .empty: continue
            case .text(let text): xml += Self.text(text, at: reference, style: bold ? .bold : .plain)
            case .labelled(_, let label): xml += Self.text(label, at: reference, style: bold ? .bold : .plain)
            case .money(let amount): xml += Self.number(amount.machine, at: reference, style: bold ? .boldMoney : .money)
            case .date(let date):
                xml += Self.number(String(excelEpoch.days(until: date)), at: reference, style: bold ? .boldDate : .date)
            case .quantity(let quantity): xml += Self.number(quantity.value.machine, at: reference, style: bold ? .bold : .plain)
            case .number(let value): xml += Self.number(value.machine, at: reference, style: bold ? .bold : .plain)
            case .integer(let value): xml += Self.number(String(value), at: reference, style: bold ? .bold : .plain)
            }
        }
        return xml + "</row>"
    }

    /// Day 0 of spreadsheet date serials (1900 date system, as Excel and LibreOffice count after 1 March 1900).
    static let excelEpoch = CalendarDate(year: 1899, month: 12, day: 30)!

    /// A text cell as an inline string: never read as a formula.
    static func text(_ text: String, at reference: String, style: Style) -> String {
        let space = text.first == " " || text.last == " " || text.contains("\n") ? " xml:space=\"preserve\"" : ""
        return "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t\(space)>\(HTMLRenderer.escape(text))</t></is></c>"
    }

    static func number(_ value: String, at reference: String, style: Style) -> String {
        "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
    }

    /// What a spreadsheet shows, for the column width.
    static func displayed(_ cell: ReportCell) -> String {
        if case .text(let text) = cell {
            let lines = text.split(whereSeparator: { (character: Character) in character.isNewline })
            return lines.max { $0.count < $1.count }.map(String.init) ?? ""
        }
        return cell.french
    }

    /// `A`, `B`, …, `Z`, `AA` for the 0-based column `index`.
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
