extension Rational {
    /// Parses a plain decimal number (`1,5`, `0.2049`, `84 934`, `-8`), exactly.
    /// - Parameter suffixes: unit words allowed after the number; the one found is ignored.
    /// - Throws: ``NumberSyntaxError``.
    public init(parsingDecimal text: String, suffixes: [String] = []) throws {
        let literal = try DecimalLiteral.scan(text, expected: "un nombre décimal", suffixes: suffixes)
        guard !literal.isDash else {
            throw NumberSyntaxError(text: text, expected: "un nombre décimal", reason: "un chiffre est attendu")
        }
        self = try literal.rational()
    }

    /// Parses a percentage as a fraction: `70 %` → 7/10, `40,97%` → 4097/10000, `0.4097` → 4097/10000.
    ///
    /// A number followed by `%` is divided by 100; a bare number is already a fraction of one.
    /// - Throws: ``NumberSyntaxError``.
    public init(parsingPercentage text: String) throws {
        let literal = try DecimalLiteral.scan(text, expected: "un pourcentage", suffixes: ["%"])
        guard !literal.isDash else {
            throw NumberSyntaxError(text: text, expected: "un pourcentage", reason: "un chiffre est attendu")
        }
        let value = try literal.rational()
        self = literal.suffix == nil ? value : try value.divided(by: Rational(100))
    }
}
