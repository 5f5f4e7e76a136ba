/// Renders a report as aligned French text for the terminal.
///
/// Column widths count characters as people see them (`String.count`: `é` and the no-break space in
/// `1 466 282,00 €` are one each); amounts and numbers are right-aligned. With a `width`, the text fits it: a table
/// too wide hides its least important columns and wraps long texts within their column (``TextTableLayout``; a line
/// under the table names what was hidden), and paragraphs are wrapped between words; amounts are never cut nor wrapped, their
/// spaces being no-break spaces. ANSI colours only with `colour: true` (bold titles, headers and totals; in red
/// negative amounts, « en retard », « erreur », « ÉCHEC »; in yellow « échu », « avertissement »; in magenta
/// reversements), added after alignment.
public struct TextRenderer: ReportRenderer {
    public var colour: Bool
    /// The width to fit, in characters; `nil` for no limit (`--large`).
    public var width: Int?

    public init(colour: Bool = false, width: Int? = nil) {
        self.colour = colour
        self.width = width
    }

    public func render(_ report: Report) -> String {
        var lines = wrap(report.title, style: "1")
        lines.append(String(repeating: "=", count: min(report.title.count, width ?? .max)))
        for subtitle in report.subtitle { lines += wrap(subtitle) }
        if let asOf = report.asOf { lines.append("Situation au \(asOf.frenchLong)") }
        for section in report.sections {
            lines.append("")
            lines += wrap(section.title, style: "1")
            lines.append(String(repeating: "-", count: min(section.title.count, width ?? .max)))
            switch section.content {
            case .table(let table): lines += self.table(table)
            case .paragraphs(let paragraphs): for paragraph in paragraphs { lines += wrap(paragraph) }
            case .calendar(let calendar): lines += self.table(CalendarTable.make(calendar))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` on lines of at most `width` characters, cut at ordinary spaces (never at the no-break spaces of an
    /// amount), continuation lines indented by two; a word longer than the width is broken outside its figures.
    func wrap(_ text: String, style: String? = nil) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard let width, line.count > width else { return [String(line)] }
            var result: [String] = []
            var current = ""
            let words = Self.unbreakable(line.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
            // A word wider than a continuation line (a long path) is broken, outside figures (``TextTableLayout``).
            for word in words.flatMap({ $0.count > width - 2 ? TextTableLayout.wrap($0, to: max(width - 2, 1)) : [$0] }) {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if candidate.count <= width || current.allSatisfy({ $0 == " " }) {
                    current = candidate
                } else {
                    result.append(current)
                    current = "  " + word
                }
            }
            result.append(current)
            return result
        }
        guard let style, colour else { return lines }
        return lines.map { "\u{1B}[\(style)m\($0)\u{1B}[0m" }
    }

    /// Words glued back where a space must not break a line: inside an amount written with ordinary spaces in a
    /// document's text (« 925 400 € », « 40 % »): between a word ending with a digit and one starting with a digit,
    /// « € » or « % »; after an abbreviation of one or two characters before a number (« l. 419 », « n° 3 »); and
    /// around French punctuation written with a space (« retenue : », « « 30 jours »).
    static func unbreakable(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words {
            if let last = result.last, let end = last.last, let start = word.first,
                (end.isNumber && (start.isNumber || start == "€" || start == "%"))
                    || (start.isNumber && (1...2).contains(last.count) && !last.contains(where: \.isNumber))
                    || [":", ";", "»", "!", "?"].contains(word) || last.hasSuffix("«")
            {
                result[result.count - 1] = last + " " + word
            } else {
                result.append(word)
            }
        }
        return result
    }

    func table(_ table: ReportTable) -> [String] {
        guard !table.rows.isEmpty else { return ["(aucune ligne)"] }
        let rows = table.fittedRows
        let total = table.fittedTotal
        let right = table.columns.indices.map(table.isRightAligned)
        var natural = table.columns.map(\.title.count)
        for row in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], Self.plain(cell).count) }
        }
        var uncut = Array(repeating: 0, count: table.columns.count)
        for row in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() where !Self.isCuttable(cell) {
                uncut[index] = max(uncut[index], Self.plain(cell).count)
            }
        }
        let blank = table.columns.indices.map { index in rows.allSatisfy { Self.isBlank($0[index]) } }
        // A column is narrowed like a text unless it holds figures only (an empty column is a text one).
        let textual = table.columns.indices.map { index in
            uncut[index] == 0
                || (rows + (total.map { [$0] } ?? [])).contains { Self.isCuttable($0[index]) && !Self.plain($0[index]).isEmpty }
        }
        // Over figures, a title wraps between its words (« Montant / conventionné »), never inside one.
        for (index, column) in table.columns.enumerated() where !textual[index] {
            uncut[index] = max(uncut[index], column.title.split(separator: " ").map(\.count).max() ?? 0)
        }
        let layout = TextTableLayout(
            columns: table.columns, natural: natural, uncut: uncut, textual: textual, blank: blank, width: width)
        let widths = layout.widths
        // A row takes as many lines as its longest wrapped text (only texts are ever longer than their column: the
        // layout keeps every amount, date and number whole).
        func lines(_ cells: [String], style: (Int) -> String?) -> [String] {
            let wrapped = layout.visible.map { TextTableLayout.wrap(cells[$0], to: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { row in
                var line = ""
                for (position, index) in layout.visible.enumerated() {
                    let text = row < wrapped[position].count ? wrapped[position][row] : ""
                    let pad = String(repeating: " ", count: max(widths[index] - text.count, 0))
                    let styled = style(index).map { colour && !text.isEmpty ? "\u{1B}[\($0)m\(text)\u{1B}[0m" : text } ?? text
                    line += (position > 0 ? "  " : "") + (right[index] ? pad + styled : styled + pad)
                }
                return line.trimmingTrailingSpaces
            }
        }
        let rule = layout.visible.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
        var text = lines(table.columns.map(\.title)) { _ in "1" }
        text.append(rule)
        for row in rows {
            text += lines(row.map(Self.plain)) { index in Self.style(row[index], column: table.columns[index]) }
        }
        if let total {
            text.append(rule)
            text += lines(total.map(Self.plain)) { index in Self.isNegative(total[index]) ? "1;31" : "1" }
        }
        var lines = text
        if !layout.hidden.isEmpty {
            let names = layout.hidden.map { table.columns[$0].title }.joined(separator: ", ")
            let plural = layout.hidden.count > 1
            lines += wrap(
                "(colonne\(plural ? "s" : "") masquée\(plural ? "s" : "") pour tenir en \(width ?? 0) caractères : \(names) ; "
                    + "--large pour tout afficher)")
        }
        return lines
    }

    /// The colour of a cell: red for negative amounts and for what is late or failed, yellow for what fell due
    /// or warns, magenta for a reversement (a positive amount in a reversement column, or a text saying so).
    static func style(_ cell: ReportCell, column: ReportColumn) -> String? {
        switch cell {
        case .money(let amount):
            if amount.cents < 0 { return "31" }
            if amount.cents > 0, ["reversement", "titre-de-recettes", "a-reverser"].contains(column.key) { return "35" }
            return nil
        case .text(let text), .labelled(_, let text):
            if text.contains("en retard") || text.hasPrefix("erreur") || text.contains("ÉCHEC") { return "31" }
            if text.hasPrefix("échu") || text.hasPrefix("exigible") || text.hasPrefix("avertissement") { return "33" }
            if text.contains("reversement") || text.contains("à reverser") { return "35" }
            return nil
        default:
            return nil
        }
    }

    /// Whether a text table may cut the cell to fit: texts only, never amounts, dates or numbers.
    static func isCuttable(_ cell: ReportCell) -> Bool {
        switch cell {
        case .text, .labelled, .empty: return true
        case .money, .date, .quantity, .number, .integer: return false
        }
    }

    /// Empty, or a zero amount or number.
    static func isBlank(_ cell: ReportCell) -> Bool {
        switch cell {
        case .empty: return true
        case .money(let amount): return amount.cents == 0
        case .integer(let value): return value == 0
        case .text(let text): return text.isEmpty
        default: return false
        }
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
