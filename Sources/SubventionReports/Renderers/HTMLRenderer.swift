import SubventionCore

/// Renders a report as one self-contained, printable HTML page (XHTML-compatible), with the payment calendar
/// as an inline SVG bar chart: no external assets, no script.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fr" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(report.title))</title>
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
            <h1>\(escape(report.title))</h1>

            """
        for line in report.subtitle { html += "<p>\(escape(line))</p>\n" }
        if let asOf = report.asOf { html += "<p>Situation au \(escape(asOf.frenchLong)).</p>\n" }
        for section in report.sections {
            html += "<section id=\"\(escape(section.id))\">\n<h2>\(escape(section.title))</h2>\n"
            switch section.content {
            case .table(let table): html += self.table(table)
            case .paragraphs(let paragraphs): html += "<ul>\n" + paragraphs.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case .calendar(let calendar):
                html += CalendarChart.svg(calendar)
                html += self.table(CalendarTable.make(calendar))
            }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func table(_ table: ReportTable) -> String {
        var html = "<table>\n<thead><tr>" + table.columns.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows { html += "<tr>" + row.map(cell).joined() + "</tr>\n" }
        if let total = table.total { html += "<tr class=\"total\">" + total.map(cell).joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    static func cell(_ cell: ReportCell) -> String {
        cell.isNumeric ? "<td class=\"n\">\(escape(cell.french))</td>" : "<td>\(escape(cell.french))</td>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
