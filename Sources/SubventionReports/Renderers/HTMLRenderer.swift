import SubventionCore

/// Renders a report as one self-contained, printable HTML page, with the payment calendar as an inline SVG bar
/// chart: `lang="fr"`, inline CSS with `@media print`, no external assets, no script.
///
/// The page is well-formed XML (every tag closed, attributes quoted, text escaped, control characters dropped),
/// so XML tools read it as XHTML once the `<!DOCTYPE html>` line is set aside.
public struct HTMLRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fr" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>\(Self.escape(report.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f0f0f0; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.total td { font-weight: bold; background: #fafafa; }
            svg text { font-size: 11px; font-family: system-ui, sans-serif; }
            @media print { body { margin: 0; } h2 { page-break-after: avoid; } table { page-break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(report.title))</h1>

            """
        for line in report.subtitle { html += "<p>\(Self.escape(line))</p>\n" }
        if let asOf = report.asOf { html += "<p>Situation au \(Self.escape(asOf.frenchLong)).</p>\n" }
        for section in report.sections {
            html += "<section id=\"\(Self.escape(section.id))\">\n<h2>\(Self.escape(section.title))</h2>\n"
            switch section.content {
            case .table(let table): html += Self.table(table)
            case .paragraphs(let paragraphs): html += "<ul>\n" + paragraphs.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .calendar(let calendar):
                html += CalendarChart.svg(calendar)
                html += Self.table(CalendarTable.make(calendar))
            }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func table(_ table: ReportTable) -> String {
        var html = "<table>\n<thead><tr>" + table.columns.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let right = table.columns.indices.map(table.isRightAligned)
        func cells(_ row: [ReportCell]) -> String {
            row.indices.map { index in
                let text = escape(row[index].french)
                return right[index] ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }.joined()
        }
        for row in table.fittedRows { html += "<tr>" + cells(row) + "</tr>\n" }
        if let total = table.fittedTotal { html += "<tr class=\"total\">" + cells(total) + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// Text for an element or a double-quoted attribute; characters XML forbids (controls other than tab and line
    /// breaks, U+FFFE, U+FFFF) are dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
