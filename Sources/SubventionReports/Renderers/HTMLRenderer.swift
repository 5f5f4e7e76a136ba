import SubventionCore

/// Renders a report as one self-contained, printable HTML page, with the payment calendar as an inline SVG bar
/// chart: `lang="fr"`, inline CSS, no external assets, no script.
///
/// On paper (`@page`, `@media print`): A4 landscape; every page carries the report's title and situation date at
/// its foot, with « Page n sur N »; table headers repeat on each page, rows are not split, tables and the chart
/// fit the width of the page. Money column headers are aligned with their figures, guillemets hold no-break spaces
/// (« … »), conventions are named by their titles.
///
/// The page is well-formed XML (every tag closed, attributes quoted, text escaped, control characters dropped),
/// so XML tools read it as XHTML once the `<!DOCTYPE html>` line is set aside.
public struct HTMLRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var footer = report.title
        if let asOf = report.asOf { footer += " – situation au \(asOf.frenchLong)" }
        var html = """
            <!DOCTYPE html>
            <html lang="fr" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>\(Self.text(report.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f0f0f0; text-align: left; vertical-align: bottom; }
            th.n { text-align: right; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.total td { font-weight: bold; background: #fafafa; }
            svg { max-width: 100%; height: auto; }
            svg text { font-size: 11px; font-family: system-ui, sans-serif; }
            svg text.montant { font-size: 10px; }
            @page {
              size: A4 landscape;
              margin: 12mm 10mm 14mm 10mm;
              @bottom-left { content: \(Self.cssString(footer)); font: 8pt system-ui, sans-serif; color: #444; }
              @bottom-right { content: "Page " counter(page) " sur " counter(pages); font: 8pt system-ui, sans-serif; color: #444; }
            }
            @media print {
              body { margin: 0; font-size: 9pt; }
              h1 { font-size: 14pt; margin-top: 0; } h2 { font-size: 11pt; break-after: avoid; }
              table { width: 100%; font-size: 7.5pt; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              th, td { padding: 0.15em 0.35em; overflow-wrap: break-word; }
              svg { break-inside: avoid; }
            }
            </style>
            </head>
            <body>
            <h1>\(Self.text(report.title))</h1>

            """
        for line in report.subtitle { html += "<p>\(Self.text(line))</p>\n" }
        if let asOf = report.asOf { html += "<p>Situation au \(Self.text(asOf.frenchLong)).</p>\n" }
        for section in report.sections {
            html += "<section id=\"\(Self.escape(section.id))\">\n<h2>\(Self.text(section.title))</h2>\n"
            switch section.content {
            case .table(let table): html += Self.table(table)
            case .paragraphs(let paragraphs): html += "<ul>\n" + paragraphs.map { "<li>\(Self.text($0))</li>\n" }.joined() + "</ul>\n"
            case .calendar(let calendar):
                html += CalendarChart.svg(calendar, today: report.asOf)
                html += Self.table(CalendarTable.make(calendar))
            }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func table(_ table: ReportTable) -> String {
        let right = table.columns.indices.map(table.isRightAligned)
        var html = "<table>\n<thead><tr>"
            + table.columns.indices.map { index in
                right[index] ? "<th class=\"n\">\(text(table.columns[index].title))</th>" : "<th>\(text(table.columns[index].title))</th>"
            }.joined() + "</tr></thead>\n<tbody>\n"
        func cells(_ row: [ReportCell]) -> String {
            row.indices.map { index in
                let content = text(row[index].french)
                if case .labelled(let id, _) = row[index] { return "<td data-id=\"\(escape(id))\">\(content)</td>" }
                return right[index] ? "<td class=\"n\">\(content)</td>" : "<td>\(content)</td>"
            }.joined()
        }
        for row in table.fittedRows { html += "<tr>" + cells(row) + "</tr>\n" }
        if let total = table.fittedTotal { html += "<tr class=\"total\">" + cells(total) + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// Text for an element: escaped, with no-break spaces inside guillemets (« … »), so that a guillemet never
    /// starts or ends a line alone.
    static func text(_ text: String) -> String {
        escape(
            text.replacingOccurrences(of: "« ", with: "«\u{00A0}").replacingOccurrences(of: " »", with: "\u{00A0}»"))
    }

    /// A CSS string literal for `content:`: quotes and backslashes escaped, and `<`, `&` written as CSS escapes so
    /// that the style sheet stays well-formed XML.
    static func cssString(_ text: String) -> String {
        var css = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": css += "\\\\"
            case "\"": css += "\\\""
            case "<": css += "\\3C "
            case "&": css += "\\26 "
            case "\n", "\r", "\t": css += " "
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: css.unicodeScalars.append(scalar)
            }
        }
        return css + "\""
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
