/// A date, delay or date rule written in a form the strict parsers do not accept.
public struct DateSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What was expected, in French (« une date AAAA-MM-JJ ou JJ/MM/AAAA »…).
    public let expected: String

    public init(text: String, expected: String) {
        self.text = text
        self.expected = expected
    }

    public var description: String { "« \(text) » n'est pas \(expected)" }
}
