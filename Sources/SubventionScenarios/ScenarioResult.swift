import SubventionCore

/// The outcome of replaying one scenario.
public struct ScenarioResult: Sendable {
    /// The scenario file.
    public var path: String
    /// The scenario's name (its path when it could not be read).
    public var name: String
    public var differences: [ScenarioDifference]
    /// Remarks that do not fail the scenario: the convention file changed since the scenario was recorded.
    public var notes: [String]
    /// The trace steps that produced the first differing figure.
    public var explanation: [TraceStep]
    /// Why the scenario could not be run (unreadable file, unknown convention…), when it could not.
    public var error: String?
    /// The scenario's `pourquoi`: why the expected figures are what they are.
    public var reason: String?
    /// How long the replay took (for JUnit's `time`).
    public var duration: Duration = .zero
    /// Whether the scenario, or the convention it names, could not be read (`replay` then exits with code 2).
    public var isUnreadable = false

    public init(
        path: String, name: String, differences: [ScenarioDifference] = [], notes: [String] = [],
        explanation: [TraceStep] = [], error: String? = nil
    ) {
        self.path = path
        self.name = name
        self.differences = differences
        self.notes = notes
        self.explanation = explanation
        self.error = error
    }

    public var passed: Bool { error == nil && differences.isEmpty }

    /// A readable report: the differences amount by amount, then the steps that produced the first one.
    public var report: String {
        var lines: [String] = []
        if let error { lines.append("  \(error)") }
        if let reason, !passed { lines.append("  pourquoi : \(reason)") }
        lines += differences.map { "  \($0)" }
        if !explanation.isEmpty {
            lines.append("  calcul :")
            lines += explanation.map { "    \($0)" }
        }
        lines += notes.map { "  note : \($0)" }
        return lines.joined(separator: "\n")
    }
}
