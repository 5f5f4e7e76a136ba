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

/// A column: a stable machine key for JSON and CSV, a French title for people, and how it gives way when a text
/// table is wider than the terminal.
public struct ReportColumn: Sendable {
    /// How long a column stays when a text table does not fit the terminal (importance de la colonne): the least
    /// important columns are hidden first (`--large` shows them all); the first column is never hidden.
    public enum Importance: Int, Sendable, Comparable {
        /// Hidden first: details also found elsewhere (a code next to its message, a source clause).
        case low
        case normal
        /// Hidden last: the figures the table is about.
        case high
        /// Never hidden.
        case essential

        public static func < (lhs: Importance, rhs: Importance) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var key: String
    public var title: String
    public var importance: Importance
    /// Whether text tables may narrow this column to fit the terminal, its texts wrapped on several lines, as they
    /// do by default; amounts, dates and numbers are never wrapped.
    public var shortenable: Bool

    public init(_ key: String, _ title: String, importance: Importance = .normal, shortenable: Bool = true) {
        self.key = key
        self.title = title
        self.importance = importance
        self.shortenable = shortenable
    }
}
