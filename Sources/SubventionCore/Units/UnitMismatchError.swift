/// A quantity whose unit is not the one a price or an objective is expressed in.
public struct UnitMismatchError: Error, Hashable, Sendable, CustomStringConvertible {
    public let expected: QuantityUnit
    public let found: QuantityUnit

    public init(expected: QuantityUnit, found: QuantityUnit) {
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "unités incompatibles : une quantité en « \(expected.name) » est attendue, « \(found.name) » trouvée"
    }
}
