import SubventionCore

/// A report, independent of its format: a title, sections of tables, paragraphs and payment calendars.
///
/// Builders (portfolio, batch, entitlement) make one; renderers turn it into text, Markdown, JSON, CSV or HTML,
/// all with the same figures.
public struct Report: Sendable {
    /// A stable machine name (`portefeuille`, `lot`, `droits`).
    public var kind: String
    public var title: String
    public var subtitle: [String]
    /// The date the figures are computed at (`--as-of`).
    public var asOf: CalendarDate?
    public var sections: [ReportSection]

    public init(kind: String, title: String, subtitle: [String] = [], asOf: CalendarDate? = nil, sections: [ReportSection] = []) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.asOf = asOf
        self.sections = sections
    }
}
