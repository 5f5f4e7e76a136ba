/// Renders a report as GitHub Markdown.
public enum MarkdownRenderer {
    public static func render(_ report: Report) -> String {
        var lines = ["# \(escape(report.title))", ""]
        for line in report.subtitle { lines += [escape(line), ""] }
        if let asOf = report.asOf { lines += ["Situation au \(asOf.frenchLong).", ""] }
        for section in report.sections {
            lines += ["## \(escape(section.title))", ""]
            switch section.content {
            case .table(let table): lines += self.table(table)
            case .paragraphs(let paragraphs): lines += paragraphs.flatMap { ["- \(escape($0))"] }
            case .calendar(let calendar): lines += self.table(CalendarTable.make(calendar))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ table: ReportTable) -> [String] {
        let numeric = table.columns.indices.map { index in table.rows.contains { $0[index].isNumeric } }
        var lines = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined())
        for row in table.rows { lines.append("| " + row.map { escape($0.french) }.joined(separator: " | ") + " |") }
        if let total = table.total {
            lines.append("| " + total.map { $0.french.isEmpty ? "" : "**\(escape($0.french))**" }.joined(separator: " | ") + " |")
        }
        return lines
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "|\\*_`<>[]".contains(character) { escaped.append("\\") }
            escaped.append(character == "\n" ? " " : character)
        }
        return escaped
    }
}
