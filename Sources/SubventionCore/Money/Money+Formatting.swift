extension Money {
    /// The space character used in every French amount: U+00A0 NO-BREAK SPACE.
    ///
    /// It separates thousands and precedes the euro sign, so an amount never breaks across lines
    /// and expected-output files stay byte-stable (ICU's French formatting changes its spaces between versions).
    public static let frenchSpace: Character = "\u{00A0}"

    /// The amount for people, the French way: `1 466 282,00 €` (spaces are U+00A0), `-2 080,00 €`.
    public var french: String { "\(frenchNumber)\(Money.frenchSpace)€" }

    /// The number alone, the French way: `1 466 282,00`.
    public var frenchNumber: String {
        let (euros, cents) = Money.split(self.cents)
        return "\(self.cents < 0 ? "-" : "")\(Money.groupThousands(euros, separator: Money.frenchSpace)),\(cents)"
    }

    /// The number for French spreadsheets: `1466282,20` (comma decimal, no grouping).
    public var frenchPlain: String {
        let (euros, cents) = Money.split(self.cents)
        return "\(self.cents < 0 ? "-" : "")\(euros),\(cents)"
    }

    /// The amount for programs: `1466282.20`, `-2080.00`.
    public var machine: String {
        let (euros, cents) = Money.split(self.cents)
        return "\(self.cents < 0 ? "-" : "")\(euros).\(cents)"
    }

    private static func split(_ cents: Int64) -> (euros: String, cents: String) {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (String(magnitude / 100), fraction < 10 ? "0\(fraction)" : String(fraction))
    }

    static func groupThousands(_ digits: String, separator: Character) -> String {
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return grouped
    }
}

extension Money: CustomStringConvertible {
    /// The French form, as in ``french``.
    public var description: String { french }
}
