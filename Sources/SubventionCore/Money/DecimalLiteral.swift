/// A decimal number as written by people or programs, scanned strictly (never through `Double`).
///
/// Grammar: optional sign (`-` or `−`), digits either ungrouped (`1466282`) or grouped by three
/// with a space (U+0020, U+00A0 or U+202F: `1 466 282`), an optional decimal part after `,` or `.`,
/// then an optional suffix among those the caller allows (`€`, `%`…), spaces allowed before it.
/// Anything else is refused: `12,5,3`, `60 00`, `1e5`, `70 % 2`, an empty text, and the ambiguous `1.300`
/// (a point followed by exactly three digits after a non-zero integer part: thousands or decimals?).
struct DecimalLiteral: Hashable, Sendable {
    var isNegative: Bool
    var integerDigits: String
    var fractionDigits: String
    /// The suffix found, as listed by the caller, or `nil`.
    var suffix: String?
    /// `true` for a lone dash (`- €`), which spreadsheets print for zero.
    var isDash = false

    private static let groupSeparators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}"]
    private static let spaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\t"]

    /// Scans `text`; `expected` names the kind of value for error messages.
    static func scan(_ text: String, expected: String, suffixes: [String]) throws -> DecimalLiteral {
        let scalars = Array(text.unicodeScalars)
        func fail(_ reason: String, at index: Int? = nil) -> NumberSyntaxError {
            NumberSyntaxError(text: text, expected: expected, reason: reason, position: index.map { $0 + 1 })
        }
        var index = 0
        func skipSpaces() { while index < scalars.count && spaces.contains(scalars[index]) { index += 1 } }
        skipSpaces()
        guard index < scalars.count else { throw fail("le texte est vide") }
        var isNegative = false
        if scalars[index] == "-" || scalars[index] == "\u{2212}" {
            isNegative = true
            index += 1
            skipSpaces()
        } else if scalars[index] == "+" {
            index += 1
        }
        var groups: [String] = []
        var current = ""
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.numericType == .decimal, scalar.isASCII {
                current.unicodeScalars.append(scalar)
                index += 1
            } else if groupSeparators.contains(scalar), !current.isEmpty, index + 1 < scalars.count,
                scalars[index + 1].isASCII, scalars[index + 1].properties.numericType == .decimal
            {
                groups.append(current)
                current = ""
                index += 1
            } else {
                break
            }
        }
        groups.append(current)
        let integerStart = index
        guard !groups[0].isEmpty else {
            if isNegative, index == scalars.count || !(scalars[index] == "," || scalars[index] == ".") {
                // « - € » : the spreadsheet way of writing zero.
                let suffix = try scanSuffix(scalars, from: &index, suffixes: suffixes, fail: fail)
                return DecimalLiteral(
                    isNegative: false, integerDigits: "0", fractionDigits: "", suffix: suffix, isDash: true)
            }
            throw fail("un chiffre est attendu", at: index < scalars.count ? index : nil)
        }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw fail("les milliers doivent être groupés par trois chiffres", at: integerStart - 1)
            }
        }
        var fraction = ""
        if index < scalars.count, scalars[index] == "," || scalars[index] == "." {
            let separatorIndex = index
            index += 1
            while index < scalars.count, scalars[index].isASCII, scalars[index].properties.numericType == .decimal {
                fraction.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !fraction.isEmpty else { throw fail("des chiffres sont attendus après la virgule", at: index - 1) }
            // « 1.300 » : a thousands separator in English-speaking tables, a decimal point elsewhere. Refused
            // rather than guessed (a guess turns 1 300 places into 1,3).
            if scalars[separatorIndex] == ".", groups.count == 1, fraction.count == 3,
                groups[0].contains(where: { $0 != "0" })
            {
                throw fail(
                    "point ambigu (séparateur de milliers ou virgule ?) : écrivez « \(groups[0])\(fraction) » ou "
                        + "« \(groups[0]) \(fraction) » pour des milliers, « \(groups[0]),\(fraction) » pour une décimale",
                    at: separatorIndex)
            }
        }
        let suffix = try scanSuffix(scalars, from: &index, suffixes: suffixes, fail: fail)
        return DecimalLiteral(
            isNegative: isNegative, integerDigits: groups.joined(), fractionDigits: fraction, suffix: suffix)
    }

    private static func scanSuffix(
        _ scalars: [Unicode.Scalar], from index: inout Int, suffixes: [String],
        fail: (String, Int?) -> NumberSyntaxError
    ) throws -> String? {
        while index < scalars.count && spaces.contains(scalars[index]) { index += 1 }
        guard index < scalars.count else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        var trimmed = Substring(rest)
        while let last = trimmed.unicodeScalars.last, spaces.contains(last) { trimmed = trimmed.dropLast() }
        if let suffix = suffixes.first(where: { $0.lowercased() == trimmed.lowercased() }) {
            index = scalars.count
            return suffix
        }
        let allowed = suffixes.isEmpty ? "aucune unité" : suffixes.map { "« \($0) »" }.joined(separator: ", ")
        throw fail("caractères inattendus « \(trimmed) » (autorisé : \(allowed))", index)
    }

    /// The value as an exact fraction `digits / 10^fractionCount`.
    func rational() throws -> Rational {
        let expected = "un nombre représentable"
        guard fractionDigits.count <= 18, let numerator = Int64(integerDigits + fractionDigits) else {
            throw NumberSyntaxError(
                text: integerDigits + "," + fractionDigits, expected: expected, reason: "trop de chiffres")
        }
        var denominator: Int64 = 1
        for _ in 0..<fractionDigits.count { denominator *= 10 }
        return try Rational(isNegative ? -numerator : numerator, denominator)
    }
}
