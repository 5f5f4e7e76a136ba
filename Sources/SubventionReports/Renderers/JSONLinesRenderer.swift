/// Renders one table of a report as JSON lines (« JSON par ligne »): one compact JSON object per row, then the
/// total row, each on its own line, for programs that read a stream (`jq`, pandas `read_json(lines=True)`).
///
/// The table is chosen as by ``CSVRenderer`` (`section`, or the first table); keys are the columns' keys, values
/// those of ``JSONRenderer`` (amounts as machine strings, integers as numbers, empty cells as null). `batch` streams
/// the same lines for tables of any size.
public struct JSONLinesRenderer: ReportRenderer {
    /// The id of the section to write; nil for the first table.
    public var section: String?

    public init(section: String? = nil) {
        self.section = section
    }

    public func render(_ report: Report) throws(CSVRenderer.NoTable) -> String {
        let table = try CSVRenderer.table(in: report, section: section)
        var text = ""
        for row in table.fittedRows + (table.fittedTotal.map { [$0] } ?? []) { text += Self.line(table.columns, row) }
        return text
    }

    /// One row as a JSON line (ending with a newline).
    package static func line(_ columns: [ReportColumn], _ cells: [ReportCell]) -> String {
        JSONRenderer.row(columns, cells).compact() + "\n"
    }
}
