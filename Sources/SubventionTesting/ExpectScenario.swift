import SubventionScenarios
import Testing

/// Asserts in Swift Testing that a scenario file holds: every expected figure, to the cent.
///
/// On failure the issue shows the replay's diff, amount by amount, and the steps that produced the first
/// differing figure. A convention changed since the scenario was recorded is reported as a warning.
///
/// ```swift
/// @Test func reversementApresBilan() {
///     expectScenario("Examples/scenarios/mon-ccas/reversement.yaml")
/// }
/// ```
@discardableResult
public func expectScenario(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioResult {
    let result = ScenarioRunner.run(path: path)
    if !result.passed {
        Issue.record(Comment(rawValue: "scénario « \(result.name) » (\(path)) :\n\(result.report)"), sourceLocation: sourceLocation)
    }
    for note in result.notes {
        Issue.record(Comment(rawValue: "scénario « \(result.name) » : \(note)"), severity: .warning, sourceLocation: sourceLocation)
    }
    return result
}
