/// Turns a format-neutral `Report` into one format. Every renderer writes the same figures.
///
/// ```swift
/// let renderers: [any ReportRenderer] = [TextRenderer(), MarkdownRenderer(), JSONRenderer(), HTMLRenderer(),
///                                        CSVRenderer(dialect: .excelFrench, section: "calendrier")]
/// ```
public protocol ReportRenderer: Sendable {
    /// The whole output. Only `CSVRenderer` throws (no table to write).
    func render(_ report: Report) throws -> String
}
