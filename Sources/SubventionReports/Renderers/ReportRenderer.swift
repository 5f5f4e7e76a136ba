/// Turns a format-neutral `Report` into one format. Every renderer writes the same figures.
///
/// ```swift
/// let renderers: [any ReportRenderer] = [TextRenderer(), MarkdownRenderer(), JSONRenderer(), HTMLRenderer(),
///                                        CSVRenderer(dialect: .excelFrench, section: "calendrier")]
/// ```
public protocol ReportRenderer: Sendable {
    /// The whole output as text. `CSVRenderer` throws when there is no table to write, `XLSXRenderer` always (a
    /// workbook is not text: use `bytes(_:)`).
    func render(_ report: Report) throws -> String

    /// The output as bytes: the UTF-8 of `render(_:)`, or a binary file (XLSX).
    func bytes(_ report: Report) throws -> [UInt8]
}

extension ReportRenderer {
    public func bytes(_ report: Report) throws -> [UInt8] { Array(try render(report).utf8) }
}
