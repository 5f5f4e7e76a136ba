extension Money {
    /// Suffixes accepted after an amount.
    static let currencySuffixes = ["€", "EUR", "euros", "euro"]

    /// Parses an amount written the French way or the machine way, strictly.
    ///
    /// Accepted: `118 250 €`, `879 769,20 €`, `86 697,72€`, `1 466 282,00 €`, `5 221 877.72 €`,
    /// `1466282.20`, `300 000 euros`, `-2 080,00 €`, and `- €` (zero, as spreadsheets print it).
    /// A lone `-` is refused: it may be a blank cell as well as a zero.
    /// Refused: more than two decimals, badly grouped thousands (`60 00`), letters, an empty text.
    /// - Throws: ``NumberSyntaxError`` saying what is wrong.
    public init(parsing text: String) throws {
        let literal = try DecimalLiteral.scan(text, expected: "un montant en euros", suffixes: Money.currencySuffixes)
        guard !literal.isDash || literal.suffix != nil else {
            // A lone « - » is as likely a cell left blank as a zero: only « - € » says zero.
            throw NumberSyntaxError(
                text: text, expected: "un montant en euros",
                reason: "un tiret seul n'est pas un montant ; écrivez « - € » ou « 0 € »")
        }
        guard literal.fractionDigits.count <= 2 else {
            throw NumberSyntaxError(
                text: text, expected: "un montant en euros", reason: "plus de deux décimales (centimes)")
        }
        let padded = literal.fractionDigits + String(repeating: "0", count: 2 - literal.fractionDigits.count)
        guard let cents = Int64(literal.integerDigits + padded) else {
            throw NumberSyntaxError(text: text, expected: "un montant en euros", reason: "montant trop grand")
        }
        self.init(cents: literal.isNegative ? -cents : cents)
    }
}
