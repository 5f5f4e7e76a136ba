import Foundation
import SubventionCore

/// One worksheet (feuille) of an XLSX workbook: a section's table as a SpreadsheetML model.
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
    /// The `<worksheet>` part as a model; ``xml()`` encodes it.
    var worksheet: SpreadsheetML.Worksheet
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
        let header = SpreadsheetML.Row(
            r: 1,
            c: table.columns.enumerated().map { index, column in
                .text(column.title, at: "\(Self.column(index))1", style: Style.bold.rawValue)
            })
        var sheetRows = [header]
        for (offset, row) in rows.enumerated() {
            sheetRows.append(Self.row(row, number: offset + 2, bold: false))
        }
        let lastRow: Int
        if let total {
            // One empty row between the data and the total, so that sorting and filters leave the total alone.
            lastRow = rows.count + 3
            sheetRows.append(Self.row(total, number: lastRow, bold: true))
        } else {
            lastRow = rows.count + 1
        }
        filterRange = rows.isEmpty ? nil : Range(columns: columnCount, rows: rows.count + 1)
        worksheet = SpreadsheetML.Worksheet(
            dimension: SpreadsheetML.Attributes(["ref": Range(columns: columnCount, rows: lastRow).reference]),
            sheetViews: SpreadsheetML.SheetViews(),
            cols: SpreadsheetML.Columns(
                col: widths.enumerated().map { index, width in
                    SpreadsheetML.Columns.Column(min: index + 1, max: index + 1, width: min(max(width + 2, 8), 80))
                }),
            sheetData: SpreadsheetML.SheetData(row: sheetRows),
            autoFilter: filterRange.map { SpreadsheetML.Attributes(["ref": $0.reference]) })
    }

    /// The sheet's part, `xl/worksheets/sheetN.xml`, written by XMLCoder.
    func xml() throws -> Data { try SpreadsheetML.xml(worksheet, root: "worksheet") }

    static func row(_ cells: [ReportCell], number: Int, bold: Bool) -> SpreadsheetML.Row {
        var written: [SpreadsheetML.Cell] = []
        for (index, cell) in cells.enumerated() {
            let reference = "\(column(index))\(number)"
            let plain = (bold ? Style.bold : Style.plain).rawValue
            switch cell {
            case .empty: continue
            case .text(let text): written.append(.text(text, at: reference, style: plain))
            case .labelled(_, let label): written.append(.text(label, at: reference, style: plain))
            case .money(let amount):
                written.append(.number(amount.machine, at: reference, style: (bold ? Style.boldMoney : .money).rawValue))
            case .date(let date):
                written.append(
                    .number(String(excelEpoch.days(until: date)), at: reference, style: (bold ? Style.boldDate : .date).rawValue))
            case .quantity(let quantity): written.append(.number(quantity.value.machine, at: reference, style: plain))
            case .number(let value): written.append(.number(value.machine, at: reference, style: plain))
            case .integer(let value): written.append(.number(String(value), at: reference, style: plain))
            }
        }
        return SpreadsheetML.Row(r: number, c: written)
    }

    /// Day 0 of spreadsheet date serials (1900 date system, as Excel and LibreOffice count after 1 March 1900).
    static let excelEpoch = CalendarDate(year: 1899, month: 12, day: 30)!

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
