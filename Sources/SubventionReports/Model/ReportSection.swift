/// A part of a report: a table, paragraphs, or a payment calendar.
public struct ReportSection: Sendable {
    /// What a section holds.
    public enum Content: Sendable {
        case table(ReportTable)
        case paragraphs([String])
        case calendar(PaymentCalendar)
    }

    /// A stable machine key (`conventions`, `calendrier`, `obligations`).
    public var id: String
    public var title: String
    public var content: Content

    public init(id: String, title: String, content: Content) {
        self.id = id
        self.title = title
        self.content = content
    }
}
