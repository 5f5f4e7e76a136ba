/// A figure of a scenario that did not come out as expected.
public struct ScenarioDifference: Hashable, Sendable, CustomStringConvertible {
    /// What is compared: `du`, `composantes.volet-3`, `echeancier.acompte`, `constats`…
    public var field: String
    public var expected: String
    public var actual: String

    public init(field: String, expected: String, actual: String) {
        self.field = field
        self.expected = expected
        self.actual = actual
    }

    public var description: String { "\(field) : attendu \(expected), obtenu \(actual)" }
}
