extension ConventionChecker {
    /// Résiliation clauses of the same ground whose delays differ (« 30 jours » l. 419 vs « un mois » l. 422):
    /// the document contradicts itself; the file retains one and the other stays a reading.
    func lifecycleFindings() -> [Finding] {
        let convention = compiled.convention
        var findings: [Finding] = []
        let clauses = convention.lifecycle.terminations
        // A fixed reference day: delays are compared by where they end from it (31 days ≠ 1 month in most months).
        let reference = convention.period?.start ?? CalendarDate(valid: 2025, 1, 31)
        for (index, first) in clauses.enumerated() {
            for second in clauses[(index + 1)...] where second.ground == first.ground {
                guard let firstDelay = first.delay, let secondDelay = second.delay,
                    first.clause?.lines != second.clause?.lines
                else { continue }
                let endsDiffer = (1...12).contains { month in
                    guard let day = CalendarDate(year: reference.year, month: month, day: 1) else { return false }
                    return firstDelay.end(from: day) != secondDelay.end(from: day)
                }
                guard endsDiffer || first.anchor != second.anchor else { continue }
                let retained = first.retained ? first : (second.retained ? second : first)
                findings.append(
                    Finding(
                        severity: .warning, code: "resiliation-contradictoire",
                        message: "\(first.ground.frenchLabel) : « \(firstDelay) après \(Self.anchorLabel(first.anchor)) » "
                            + "(\(first.clause.map(\.description) ?? "clause non référencée")) contredit « \(secondDelay) "
                            + "après \(Self.anchorLabel(second.anchor)) » (\(second.clause.map(\.description) ?? "clause non référencée"))"
                            + " ; lecture retenue : « \(retained.id) »",
                        subject: convention.id, clause: first.clause))
            }
        }
        return findings
    }

    static func anchorLabel(_ anchor: String) -> String {
        LifecycleEvent(rawValue: anchor)?.frenchLabel ?? "« \(anchor) »"
    }
}
