extension Money {
    /// Splits this total into installments of the given shares; the last installment takes the remainder.
    ///
    /// Each share but the last is applied with `rounding`; the last is `total − Σ others`, so the
    /// installments always sum exactly to the total, whatever the shares and the rounding:
    /// 70 % of 118 250 € gives `[82 775,00 €, 35 475,00 €]`.
    /// - Parameter shares: the fractions of every installment except the last (the remainder).
    /// - Returns: `shares.count + 1` amounts.
    public func split(shares: [Rational], rounding: RoundingPolicy) throws -> [Money] {
        var parts: [Money] = []
        parts.reserveCapacity(shares.count + 1)
        var allocated = Money.zero
        for share in shares {
            let part = try multiplied(by: share, rounding: rounding)
            parts.append(part)
            allocated = try allocated + part
        }
        parts.append(try self - allocated)
        return parts
    }
}
