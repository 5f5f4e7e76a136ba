/// Renders a report as aligned French text for the terminal.
public enum TextRenderer {
    public static func render(_ report: Report) -> String {
        var lines = [report.title, String(repeating: "=", count: report.title.count)]
        lines += report.subtitle
        if let asOf = report.asOf { lines.append("Situation au \(asOf.frenchLong)") }
        for section in report.sections {
            lines.append("")
            lines.append(section.title)
            lines.append(String(repeating: "-", count: section.title.count))
            switch section.content {
            case .table(let table): lines += self.table(table)
            case .paragraphs(let paragraphs): lines += paragraphs
            case .calendar(let calendar): lines += self.calendar(calendar)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func table(_ table: ReportTable) -> [String] {
        guard !table.rows.isEmpty else { return ["(aucune ligne)"] }
        let all = table.rows + (table.total.map { [$0] } ?? [])
        var widths = table.columns.map(\.title.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.french.count)
            }
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return numeric[index] ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        let numericColumns = table.columns.indices.map { index in table.rows.contains { $0[index].isNumeric } }
        var lines = [line(table.columns.map(\.title), numeric: numericColumns)]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += table.rows.map { line($0.map(\.french), numeric: numericColumns) }
        if let total = table.total {
            lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
            lines.append(line(total.map(\.french), numeric: numericColumns))
        }
        return lines
    }

    static func calendar(_ calendar: PaymentCalendar) -> [String] {
        table(CalendarTable.make(calendar))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
