/// A rounding rule applied at a unit: the policy a convention declares for its products.
///
/// The default, « au centime le plus proche », is half away from zero at the cent.
public struct RoundingPolicy: Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: RoundingRule
    public var unit: RoundingUnit

    public init(rule: RoundingRule = .halfAwayFromZero, unit: RoundingUnit = .cent) {
        self.rule = rule
        self.unit = unit
    }

    /// Half away from zero, at the cent.
    public static let nearestCent = RoundingPolicy()

    public var description: String { "\(rule.frenchLabel) \(unit.frenchLabel)" }
}
