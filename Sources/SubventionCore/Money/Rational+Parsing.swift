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

extension Rational {
    /// Parses a share (« part ») between 0 % and 100 % inclusive: `50 %`, `0,5`.
    ///
    /// ```swift
    /// try Rational(parsingShare: "50 %")   // 1/2
    /// try Rational(parsingShare: "150 %")  // throws: above 100 %
    /// ```
    public init(parsingShare text: String) throws {
        let value = try Rational(parsingPercentage: text)
        guard .zero <= value, value <= .one else {
            throw NumberSyntaxError(text: text, expected: "une part", reason: "elle doit être comprise entre 0 % et 100 %")
        }
        self = value
    }
}
