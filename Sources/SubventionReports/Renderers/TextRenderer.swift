/// Renders a report as aligned French text for the terminal.
///
/// Column widths count characters as people see them (`String.count`: `é` and the no-break space in
/// `1 466 282,00 €` are one each); amounts and numbers are right-aligned. ANSI colours only with `colour: true`
/// (bold titles, headers and totals, negative amounts in red), added after alignment.
public struct TextRenderer: ReportRenderer {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ report: Report) -> String {
        var lines = [bold(report.title), String(repeating: "=", count: report.title.count)]
        lines += report.subtitle
        if let asOf = report.asOf { lines.append("Situation au \(asOf.frenchLong)") }
        for section in report.sections {
            lines.append("")
            lines.append(bold(section.title))
            lines.append(String(repeating: "-", count: section.title.count))
            switch section.content {
            case .table(let table): lines += self.table(table)
            case .paragraphs(let paragraphs): lines += paragraphs
            case .calendar(let calendar): lines += self.table(CalendarTable.make(calendar))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func table(_ table: ReportTable) -> [String] {
        guard !table.rows.isEmpty else { return ["(aucune ligne)"] }
        let rows = table.fittedRows
        let total = table.fittedTotal
        let right = table.columns.indices.map(table.isRightAligned)
        var widths = table.columns.map(\.title.count)
        for row in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.plain(cell).count) }
        }
        func line(_ cells: [String], style: (Int) -> String?) -> String {
            var line = ""
            for (index, text) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - text.count)
                let styled = style(index).map { colour && !text.isEmpty ? "\u{1B}[\($0)m\(text)\u{1B}[0m" : text } ?? text
                line += (index > 0 ? "  " : "") + (right[index] ? pad + styled : styled + pad)
            }
            return line.trimmingTrailingSpaces
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var lines = [line(table.columns.map(\.title)) { _ in "1" }]
        lines.append(rule)
        for row in rows {
            lines.append(line(row.map(Self.plain)) { index in Self.isNegative(row[index]) ? "31" : nil })
        }
        if let total {
            lines.append(rule)
            lines.append(line(total.map(Self.plain)) { index in Self.isNegative(total[index]) ? "1;31" : "1" })
        }
        return lines
    }

    /// A cell on one line.
    static func plain(_ cell: ReportCell) -> String {
        let text = cell.french
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    static func isNegative(_ cell: ReportCell) -> Bool {
        if case .money(let amount) = cell { return amount.cents < 0 }
        return false
    }

    func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
