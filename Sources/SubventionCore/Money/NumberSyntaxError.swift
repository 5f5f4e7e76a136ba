/// A number written in a form the strict parsers do not accept.
public struct NumberSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What was expected, in French (« un montant en euros », « un pourcentage »…).
    public let expected: String
    /// Why the text was refused, in French.
    public let reason: String
    /// 1-based position of the offending character in `text`, when one is to blame.
    public let position: Int?

    public init(text: String, expected: String, reason: String, position: Int? = nil) {
        self.text = text
        self.expected = expected
        self.reason = reason
        self.position = position
    }

    public var description: String {
        let at = position.map { " (caractère \($0))" } ?? ""
        return "« \(text) » n'est pas \(expected) : \(reason)\(at)"
    }
}
