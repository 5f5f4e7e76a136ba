extension CalendarDate {
    static let expectedForm = "une date AAAA-MM-JJ ou JJ/MM/AAAA qui existe"

    /// Parses `2025-01-31` (ISO 8601) or `31/01/2025` (French), strictly: no other form, no invalid day.
    public init(parsing text: String) throws(DateSyntaxError) {
        let trimmed = text.trimmingSpaces
        let fail = DateSyntaxError(text: text, expected: Self.expectedForm)
        let parts: [Substring]
        let order: (year: Int, month: Int, day: Int)
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { throw fail }
        } else {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            order = (2, 1, 0)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[1].count),
                (1...2).contains(parts[0].count)
            else { throw fail }
        }
        guard let year = Self.digits(parts[order.year]), let month = Self.digits(parts[order.month]),
            let day = Self.digits(parts[order.day]), let date = CalendarDate(year: year, month: month, day: day)
        else { throw fail }
        self = date
    }

    /// ASCII digits only (no sign, no space) as an `Int`; `nil` otherwise or when too large.
    package static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return Substring()
        }
        return Substring(self[first...last])
    }
}
