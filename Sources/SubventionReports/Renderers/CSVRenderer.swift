import SubventionCSV

/// Renders one table of a report as CSV through `SubventionCSV`: RFC 4180 for programs, Excel-FR for French
/// spreadsheets.
///
/// The table is the section `section` (its id), or the report's first table when nil; a payment calendar is
/// written as its table (`mois`, `verse`, `a-verser`); paragraphs have no CSV. RFC 4180 writes machine keys as
/// headers and machine values (`1466282.20`); Excel-FR writes French headers, comma decimals without thousands
/// separators (`1466282,20`), `;`, CRLF and a UTF-8 BOM. Formula-like text (`=HYPERLINK(…)`) is neutralised with
/// a leading `'` in both; negative amounts (`-3000.00`) are left as they are.
public struct CSVRenderer: ReportRenderer {
    /// Why a report has no table to write as CSV.
    public struct NoTable: Error, CustomStringConvertible {
        public let available: [String]
        public var description: String {
            available.isEmpty
                ? "ce rapport n'a pas de tableau à écrire en CSV"
                : "section inconnue ; sections possibles : \(available.joined(separator: ", "))"
        }
    }

    public var dialect: CSVDialect
    /// The id of the section to write; nil for the first table.
    public var section: String?

    public init(dialect: CSVDialect = .rfc4180, section: String? = nil) {
        self.dialect = dialect
        self.section = section
    }

    /// The CSV as text; with Excel-FR it starts with the BOM (U+FEFF), so its UTF-8 is exactly `bytes(report)`.
    public func render(_ report: Report) throws(NoTable) -> String {
        String(decoding: try bytes(report), as: UTF8.self)
    }

    /// The bytes of the table `section` (the report's first table when nil).
    public func bytes(_ report: Report) throws(NoTable) -> [UInt8] {
        let table = try Self.table(in: report, section: section)
        var writer = CSVWriter(dialect: dialect)
        writer.write(Self.header(table.columns, dialect: dialect))
        for row in table.fittedRows + (table.fittedTotal.map { [$0] } ?? []) {
            writer.write(Self.fields(row, dialect: dialect))
        }
        return writer.bytes
    }

    /// The table `section` of `report` (its first table when nil; a calendar as its table).
    package static func table(in report: Report, section: String?) throws(NoTable) -> ReportTable {
        let tables = report.sections.compactMap { section -> (String, ReportTable)? in
            switch section.content {
            case .table(let table): return (section.id, table)
            case .calendar(let calendar): return (section.id, CalendarTable.make(calendar))
            case .paragraphs: return nil
            }
        }
        guard let table = (section.map { wanted in tables.first { $0.0 == wanted } } ?? tables.first)?.1 else {
            throw NoTable(available: tables.map(\.0))
        }
        return table
    }

    /// The header record of `columns`: machine keys, or French titles in Excel-FR.
    package static func header(_ columns: [ReportColumn], dialect: CSVDialect) -> [String] {
        dialect.decimalComma ? columns.map(\.title) : columns.map(\.key)
    }

    /// The fields of one row of cells (the same for a report written whole and a table streamed by `batch`).
    package static func fields(_ cells: [ReportCell], dialect: CSVDialect) -> [String] {
        cells.map { cell in
            let text = cell.machine
            guard dialect.decimalComma, cell.isNumeric else { return text }
            return String(text.map { $0 == "." ? "," : $0 })
        }
    }
}
