import SubventionCore

/// A figure of a scenario that did not come out as expected.
public struct ScenarioDifference: Hashable, Sendable, CustomStringConvertible {
    /// What is compared: `du`, `composantes.volet-3`, `echeancier.acompte`, `constats`…
    public var field: String
    public var expected: String
    public var actual: String
    /// For amounts: obtained minus expected, signed (« écart −500,00 € »).
    public var gap: String?
    /// `file:line` of the expected value in the scenario file, when known.
    public var location: String?

    public init(field: String, expected: String, actual: String, gap: String? = nil, location: String? = nil) {
        self.field = field
        self.expected = expected
        self.actual = actual
        self.gap = gap
        self.location = location
    }

    /// Two amounts compared: the gap is computed exactly; when it cannot be (beyond the range of amounts), it says
    /// so rather than show a wrong figure.
    public init(field: String, expected: Money, actual: Money, location: String? = nil) {
        let gap: String
        do {
            gap = try Self.signed(actual - expected)
        } catch {
            gap = "incalculable (dépassement de capacité)"
        }
        self.init(field: field, expected: expected.french, actual: actual.french, gap: gap, location: location)
    }

    /// `+500,00 €`, `−500,00 €` (U+2212 minus), `0,00 €`.
    static func signed(_ amount: Money) throws -> String {
        guard amount.isNegative else { return (amount.isPositive ? "+" : "") + amount.french }
        return "\u{2212}" + (try amount.magnitude()).french
    }

    /// `scenario.yaml:14: du : attendu 12 500,00 €, obtenu 12 000,00 €, écart −500,00 €`.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(field) : attendu \(expected), obtenu \(actual)"
            + (gap.map { ", écart \($0)" } ?? "")
    }
}
