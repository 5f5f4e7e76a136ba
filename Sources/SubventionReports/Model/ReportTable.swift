/// A table of a report, with an optional total row.
public struct ReportTable: Sendable {
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var total: [ReportCell]?

    public init(columns: [ReportColumn], rows: [[ReportCell]] = [], total: [ReportCell]? = nil) {
        self.columns = columns
        self.rows = rows
        self.total = total
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
