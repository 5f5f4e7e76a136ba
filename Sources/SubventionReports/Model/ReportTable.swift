/// A table of a report, with an optional total row.
///
/// Rows shorter than the columns are completed with empty cells and longer rows are cut, when rendered, so that
/// every format writes exactly one value per column.
public struct ReportTable: Sendable {
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var total: [ReportCell]?

    public init(columns: [ReportColumn], rows: [[ReportCell]] = [], total: [ReportCell]? = nil) {
        self.columns = columns
        self.rows = rows
        self.total = total
    }

    /// `cells` with exactly one cell per column.
    func fitted(_ cells: [ReportCell]) -> [ReportCell] {
        if cells.count == columns.count { return cells }
        if cells.count > columns.count { return Array(cells.prefix(columns.count)) }
        return cells + Array(repeating: .empty, count: columns.count - cells.count)
    }

    /// The rows, each with one cell per column.
    var fittedRows: [[ReportCell]] { rows.map(fitted) }

    /// The total row with one cell per column, if any.
    var fittedTotal: [ReportCell]? { total.map(fitted) }

    /// Whether people's formats right-align column `index`: when one of its rows holds a number or an amount (the
    /// total row does not count).
    func isRightAligned(_ index: Int) -> Bool {
        rows.contains { index < $0.count && $0[index].isNumeric }
    }
}

/// A column: a stable machine key for JSON and CSV, a French title for people.
public struct ReportColumn: Sendable {
    public var key: String
    public var title: String

    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }
}
