/// A SIRET number (numéro SIRET): the 14 digits that identify an establishment, checked with the Luhn key.
///
/// ```swift
/// SIRET("21620041200012")   // nil or a SIRET, depending on its Luhn key
/// try SIRET(parsing: "123") // throws .notFourteenDigits
/// ```
/// Spaces and no-break spaces between groups (`216 200 412 00012`) are accepted and dropped.
public struct SIRET: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a SIRET.
    public enum SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        case notFourteenDigits(String)
        case badChecksum(String)

        public var description: String {
            switch self {
            case .notFourteenDigits(let text): return "« \(text) » n'est pas un SIRET (14 chiffres attendus)"
            case .badChecksum(let text): return "« \(text) » n'est pas un SIRET valide (clé de Luhn fausse)"
            }
        }
    }

    /// The 14 digits.
    public let digits: String

    public init(parsing text: String) throws(SyntaxError) {
        let compact = String(text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" })
        guard compact.utf8.count == 14, compact.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .notFourteenDigits(text)
        }
        guard Self.passesLuhn(compact) else { throw .badChecksum(text) }
        digits = compact
    }

    public init?(_ text: String) {
        // Optional lookup: whether a text is a valid SIRET; `init(parsing:)` says why when it is not.
        guard let value = try? SIRET(parsing: text) else { return nil }
        self = value
    }

    public var description: String { digits }

    /// The Luhn check over decimal digits: from the right, every second digit doubled (minus 9 above 9), the sum a
    /// multiple of 10. (La Poste's establishments, SIREN 356 000 000, use another rule; they are refused here.)
    public static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, byte) in digits.utf8.reversed().enumerated() {
            var digit = Int(byte) - 48
            if index % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
