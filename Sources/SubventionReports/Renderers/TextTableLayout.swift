/// How a text table fits a width (mise en page selon la largeur du terminal): which columns are shown, each one's
/// width, and which were hidden.
///
/// Columns keep their natural width when the table fits. Otherwise the least important columns are hidden first
/// (columns with nothing but empty cells and zero amounts first, then by importance, texts before figures, the
/// rightmost first), as few
/// as needed, and shortenable columns are narrowed to use what is left, their texts wrapped on several lines (never
/// cut): to no less than ``comfortable`` characters while blank and low columns remain to hide, then to no less than
/// ``minimumShortened``. Amounts, dates and numbers are never wrapped (a column is never narrower than its widest
/// one), so no amount is ever split. The first column and
/// columns of importance ``ReportColumn/Importance/essential`` are never hidden: when they alone are wider than the
/// width, the table is wider too.
struct TextTableLayout {
    /// Columns shown, in order.
    var visible: [Int]
    /// The width of each column (indexed like the table's columns; hidden columns keep their natural width).
    var widths: [Int]
    /// Columns hidden for lack of width.
    var hidden: [Int]

    /// The narrowest a shortenable column is narrowed to.
    static let minimumShortened = 20
    /// The narrowest a shortenable column is narrowed to while blank and low columns can still be hidden instead.
    static let comfortable = 40
    /// Spaces between two columns.
    static let gap = 2

    /// - Parameters:
    ///   - natural: the widest text of each column, title included.
    ///   - uncut: the widest cell of each column that is not a text (amounts, dates, numbers are never cut), or the
    ///     longest word of its title if wider.
    ///   - textual: whether each column holds texts; a column of figures is narrowed to ``uncut`` at once (its title
    ///     wraps), a column of texts to the floors above.
    ///   - blank: whether each column holds only empty cells and zero amounts.
    ///   - width: the width to fit, or `nil` for no limit (`--large`).
    init(columns: [ReportColumn], natural: [Int], uncut: [Int], textual: [Bool], blank: [Bool], width: Int?) {
        visible = Array(columns.indices)
        widths = natural
        hidden = []
        guard let width, Self.total(natural, visible) > width else { return }
        let order = columns.indices.dropFirst().filter { columns[$0].importance != .essential }.sorted { lhs, rhs in
            if blank[lhs] != blank[rhs] { return blank[lhs] }
            if columns[lhs].importance != columns[rhs].importance { return columns[lhs].importance < columns[rhs].importance }
            // Of equal importance, texts go before figures: a table is about its amounts.
            if textual[lhs] != textual[rhs] { return textual[lhs] }
            return lhs > rhs
        }
        // First hide only blank and low columns, cutting texts to no less than `comfortable` characters; then
        // hide by importance, cutting texts down to `minimumShortened`.
        let optional = order.prefix { blank[$0] || columns[$0].importance == .low }
        for (floor, candidates) in [(Self.comfortable, Array(optional)), (Self.minimumShortened, order)] {
            for count in 0...candidates.count {
                let dropped = Set(candidates.prefix(count))
                let shown = columns.indices.filter { !dropped.contains($0) }
                var sized = natural
                var excess = Self.total(sized, shown) - width
                while excess > 0 {
                    // Narrow a shortenable column still above its floor, one character at a time.
                    let cuttable = shown.filter {
                        columns[$0].shortenable && sized[$0] > (textual[$0] ? max(uncut[$0], min(natural[$0], floor)) : uncut[$0])
                    }
                    // Titles over figures wrap first (one more header line), texts after (longer rows).
                    guard let widest = cuttable.max(by: { (textual[$0] ? 0 : 1, sized[$0]) < (textual[$1] ? 0 : 1, sized[$1]) }) else { break }
                    sized[widest] -= 1
                    excess -= 1
                }
                visible = shown
                widths = sized
                hidden = candidates.prefix(count).sorted()
                if excess <= 0 { return }
            }
        }
    }

    /// The width of the columns `shown` side by side.
    static func total(_ widths: [Int], _ shown: [Int]) -> Int {
        shown.map { widths[$0] }.reduce(0, +) + gap * max(shown.count - 1, 0)
    }

    /// `text` on lines of at most `width` characters, broken at ordinary spaces (never inside an amount: its spaces
    /// are no-break spaces, and an amount written with ordinary spaces is glued back, see
    /// ``TextRenderer/unbreakable(_:)``). A word wider than the column is broken where it is not inside a figure
    /// (between two of digits, `,`, no-break spaces, `€`, `%`), at the width as a last resort.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in TextRenderer.unbreakable(text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)) {
            var word = Substring(word)
            if !current.isEmpty {
                if current.count + 1 + word.count <= width {
                    current += " " + word
                    continue
                }
                lines.append(current)
                current = ""
            }
            while word.count > width {
                let characters = Array(word)
                var cut = width
                while cut > 1, isFigure(characters[cut - 1]), isFigure(characters[cut]) { cut -= 1 }
                if cut <= 1 { cut = width }
                lines.append(String(characters[..<cut]))
                word = word.dropFirst(cut)
            }
            current = String(word)
        }
        lines.append(current)
        return lines
    }

    /// A character of a written figure: digits, the decimal comma, no-break spaces, `€`, `%`.
    static func isFigure(_ character: Character) -> Bool {
        character.isNumber || character == "," || character == "\u{A0}" || character == "\u{202F}" || character == "€"
            || character == "%"
    }
}
