/// The unit of a counted quantity: place, ETP, abonné, logement, ménage, accompagnement…
///
/// Units are declared by each convention file; the engine only checks that a unit price
/// (`160 €/place`) is multiplied by a quantity of the same unit (`130 places`).
public struct QuantityUnit: Hashable, Sendable, CustomStringConvertible {
    /// The singular name as declared (`place`, `ETP`).
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// The name for `count` units, in French: `place`/`places`; names ending in s, x or z, or in capitals (`ETP`), do not change.
    public func name(forCount count: Rational) -> String {
        let isPlural = count.numerator.magnitude >= 2 * count.denominator.magnitude
        guard isPlural, !name.hasSuffix("s"), !name.hasSuffix("x"), !name.hasSuffix("z"),
            name.uppercased() != name
        else { return name }
        return name + "s"
    }

    public var description: String { name }
}
