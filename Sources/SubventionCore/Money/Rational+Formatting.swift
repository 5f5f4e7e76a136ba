extension Rational {
    /// The value in French decimal notation when it is a finite decimal (`0,2049`, `1,5`, `84 934`),
    /// otherwise rounded half away from zero to `maximumFractionDigits` and prefixed with `≈`.
    public func french(maximumFractionDigits: Int = 6) -> String {
        Rational.frenchDecimal(Int128(numerator), Int128(denominator), maximumFractionDigits: maximumFractionDigits)
    }

    /// The value for programs, exact: `0.2049`, `1.5`, `84934` when it is a finite decimal (up to 6 digits),
    /// otherwise the fraction `1/3`, `-34762/74762` (never a rounded figure presented as exact).
    public var machine: String {
        // A whole number ≥ 0 is its digits (what the general formatting gives without its group spaces), written
        // without building the French text first: a batch writes one per row.
        if denominator == 1, numerator >= 0 { return String(numerator) }
        let french = french()
        guard !french.hasPrefix("≈") else { return "\(numerator)/\(denominator)" }
        return String(french.filter { $0 != Money.frenchSpace }.map { $0 == "," ? "." : $0 })
    }

    /// The value as a French percentage: 4097/10000 → `40,97 %`, 7/10 → `70 %` (the space is U+00A0).
    public var frenchPercentage: String {
        Rational.frenchDecimal(Int128(numerator) * 100, Int128(denominator), maximumFractionDigits: 4)
            + "\(Money.frenchSpace)%"
    }

    private static func frenchDecimal(_ numerator: Int128, _ denominator: Int128, maximumFractionDigits: Int)
        -> String
    {
        var denominatorLeft = denominator
        var twos = 0
        var fives = 0
        while denominatorLeft % 2 == 0 { denominatorLeft /= 2; twos += 1 }
        while denominatorLeft % 5 == 0 { denominatorLeft /= 5; fives += 1 }
        let exactDigits = Swift.max(twos, fives)
        let isFinite = denominatorLeft == 1 && exactDigits <= maximumFractionDigits
        let digits = isFinite ? exactDigits : maximumFractionDigits
        var scale: Int128 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = RoundingRule.halfAwayFromZero.divide(numerator * scale, by: denominator)
        let magnitude = scaled.magnitude
        var text = Money.groupThousands(String(magnitude / UInt128(scale)), separator: Money.frenchSpace)
        if digits > 0 {
            var fraction = String(magnitude % UInt128(scale))
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "," + fraction }
        }
        return (isFinite ? "" : "≈") + (scaled < 0 ? "-" : "") + text
    }
}
