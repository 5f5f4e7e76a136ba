import SubventionCSV

/// Renders one table of a report as CSV through libcsv: RFC 4180 for programs, Excel-FR for French spreadsheets.
public enum CSVRenderer {
    /// Why a report has no table to write as CSV.
    public struct NoTable: Error, CustomStringConvertible {
        public let available: [String]
        public var description: String {
            available.isEmpty
                ? "ce rapport n'a pas de tableau à écrire en CSV"
                : "section inconnue ; sections possibles : \(available.joined(separator: ", "))"
        }
    }

    /// The bytes of the table `section` (the report's first table when nil).
    ///
    /// RFC 4180 writes machine keys as headers and machine values (`1466282.20`); Excel-FR writes French headers,
    /// comma decimals (`1466282,20`), `;` and a BOM. Formula-like cells are neutralised in both.
    public static func render(_ report: Report, section id: String? = nil, dialect: CSVDialect) throws(NoTable) -> [UInt8] {
        let tables = report.sections.compactMap { section -> (String, ReportTable)? in
            switch section.content {
            case .table(let table): return (section.id, table)
            case .calendar(let calendar): return (section.id, CalendarTable.make(calendar))
            case .paragraphs: return nil
            }
        }
        guard let table = (id.map { wanted in tables.first { $0.0 == wanted } } ?? tables.first)?.1 else {
            throw NoTable(available: tables.map(\.0))
        }
        var writer = CSVWriter(dialect: dialect)
        writer.write(dialect.decimalComma ? table.columns.map(\.title) : table.columns.map(\.key))
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            writer.write(row.map { cell in
                let text = cell.machine
                guard dialect.decimalComma, cell.isNumeric else { return text }
                return String(text.map { $0 == "." ? "," : $0 })
            })
        }
        return writer.bytes
    }
}
