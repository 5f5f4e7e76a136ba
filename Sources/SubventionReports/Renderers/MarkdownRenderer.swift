/// Renders a report as GitHub Markdown: `#` title, `##` sections, tables with amounts right-aligned (`---:`).
///
/// Text is escaped so that `|`, `*`, `_`, `` ` ``, `<`, `>`, `[`, `]` and `\` print as themselves, and line breaks
/// inside a cell become spaces.
public struct MarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var lines = ["# \(Self.escape(report.title))", ""]
        for line in report.subtitle { lines += [Self.escape(line), ""] }
        if let asOf = report.asOf { lines += ["Situation au \(asOf.frenchLong).", ""] }
        for section in report.sections {
            lines += ["## \(Self.escape(section.title))", ""]
            switch section.content {
            case .table(let table): lines += self.table(table)
            case .paragraphs(let paragraphs): lines += paragraphs.map { "- \(Self.escape($0))" }
            case .calendar(let calendar): lines += self.table(CalendarTable.make(calendar))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    func table(_ table: ReportTable) -> [String] {
        var lines = ["| " + table.columns.map { Self.escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.indices.map { table.isRightAligned($0) ? " ---: |" : " --- |" }.joined())
        for row in table.fittedRows {
            lines.append("| " + row.map { Self.escape($0.french) }.joined(separator: " | ") + " |")
        }
        if let total = table.fittedTotal {
            lines.append("| " + total.map { $0.french.isEmpty ? "" : "**\(Self.escape($0.french))**" }.joined(separator: " | ") + " |")
        }
        return lines
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "|\\*_`<>[]".contains(character) { escaped.append("\\") }
            escaped.append(character.isNewline ? " " : character)
        }
        return escaped
    }
}
