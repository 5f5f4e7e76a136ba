import SubventionConventions
import SubventionCore

extension ScenarioRunner {
    /// Compares the convention's life: state, derived dates to the day, and the résiliation's money. Dates alone
    /// need no settlement; the money comes from the settlement (what the convention would have paid, and paid).
    static func compareLifecycle(_ scenario: ScenarioFile, target: SettlementTarget, into result: inout ScenarioResult) {
        guard let expected = scenario.expected.lifecycle else { return }
        let readings = Set(scenario.readings)
        let status: LifecycleStatus
        if expected.claim != nil || expected.due != nil {
            do {
                let settlement = try target.settle(scenario.bilan, asOf: scenario.asOf, readings: readings)
                guard let computed = settlement.lifecycle else {
                    result.differences.append(
                        ScenarioDifference(field: "vie", expected: "des clauses de résiliation", actual: "aucune dans la convention"))
                    return
                }
                status = computed
            } catch {
                result.differences.append(ScenarioDifference(field: "vie", expected: "un règlement", actual: "refus : \(error)"))
                return
            }
        } else {
            status = target.terms.lifecycleStatus(events: scenario.bilan.events, asOf: scenario.asOf, readings: readings)
        }
        let before = result.differences.count
        if let state = expected.state, state != status.state.rawValue {
            result.differences.append(ScenarioDifference(field: "vie.etat", expected: state, actual: status.state.rawValue))
        }
        for (id, date) in expected.dates {
            let actual = status.date(id)
            if actual != date {
                result.differences.append(
                    ScenarioDifference(field: "vie.dates.\(id)", expected: date.iso, actual: actual?.iso ?? "aucune date"))
            }
        }
        let figures = status.termination?.figures
        if let claim = expected.claim, claim != figures?.claim {
            result.differences.append(
                figures.map { ScenarioDifference(field: "vie.titre-de-recettes", expected: claim, actual: $0.claim) }
                    ?? ScenarioDifference(field: "vie.titre-de-recettes", expected: claim.french, actual: "aucune résiliation"))
        }
        if let due = expected.due, due != figures?.due {
            result.differences.append(
                figures.map { ScenarioDifference(field: "vie.du", expected: due, actual: $0.due) }
                    ?? ScenarioDifference(field: "vie.du", expected: due.french, actual: "aucune résiliation"))
        }
        if result.differences.count > before, result.explanation.isEmpty { result.explanation = status.trace }
    }
}
