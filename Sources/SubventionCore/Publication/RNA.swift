/// A number of the répertoire national des associations (numéro RNA): `W` followed by 9 digits.
public struct RNA: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not an RNA number.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public let text: String
        public var description: String { "« \(text) » n'est pas un numéro RNA (« W » suivi de 9 chiffres attendu)" }
    }

    /// `W` and the 9 digits.
    public let text: String

    public init(parsing text: String) throws(SyntaxError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[0] == UInt8(ascii: "W"), bytes.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { throw SyntaxError(text: text) }
        self.text = text
    }

    public var description: String { text }
}
