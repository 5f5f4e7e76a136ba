import SubventionConventions
import SubventionCore

/// Replays scenario files: loads the convention each names, computes, and compares with the expected figures.
public enum ScenarioRunner {
    /// Replays the scenario at `path`.
    public static func run(path: String) -> ScenarioResult {
        let scenario: ScenarioFile
        do {
            let text = try ConventionFiles.readText(path: path)
            scenario = try ConventionFiles.scenario(text: text, file: path, terms: terms)
        } catch {
            var result = ScenarioResult(path: path, name: path, error: error.description)
            result.isUnreadable = true
            return result
        }
        return run(scenario)
    }

    /// The terms a scenario's bilan is read against.
    package static func terms(conventionPath: String, structure: String?, operation: String?) throws(LoadFailure) -> Convention {
        let loaded: (SettlementTarget, [Diagnostic])
        do {
            loaded = try SettlementTarget.load(conventionPath, structure: structure, operation: operation, asOf: nil)
        } catch {
            switch error {
            case .unreadable(let diagnostics): throw LoadFailure(diagnostics)
            case .refused(let message):
                throw LoadFailure([Diagnostic(severity: .error, file: conventionPath, line: 0, column: 0, message: message)])
            }
        }
        return loaded.0.terms
    }

    /// Replays a scenario already read.
    public static func run(_ scenario: ScenarioFile) -> ScenarioResult {
        var result = ScenarioResult(path: scenario.path, name: scenario.name)
        if let recorded = scenario.recordedHash {
            let current = FileFingerprint.of(path: scenario.conventionPath)
            if current != recorded {
                result.notes.append(
                    "la convention \(scenario.conventionReference) a changé depuis l'enregistrement du scénario "
                        + "(empreinte enregistrée \(recorded.prefix(19))…, actuelle \(current.map { String($0.prefix(19)) + "…" } ?? "illisible"))")
            }
        }
        let target: SettlementTarget
        do {
            target = try SettlementTarget.load(
                scenario.conventionPath, structure: scenario.structure, operation: scenario.operation, asOf: scenario.asOf
            ).0
        } catch {
            switch error {
            case .unreadable(let diagnostics):
                result.error = diagnostics.map(\.description).joined(separator: "\n  ")
                result.isUnreadable = true
            case .refused(let message): result.error = message
            }
            return result
        }
        compare(scenario, target: target, into: &result)
        return result
    }

    static func compare(_ scenario: ScenarioFile, target: SettlementTarget, into result: inout ScenarioResult) {
        let expected = scenario.expected
        let bilan = scenario.bilan
        if !expected.installments.isEmpty {
            do {
                let schedule = try target.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
                let actual = Dictionary(schedule.installments.map { ($0.installment.id, $0.amount) }) { first, _ in first }
                for item in expected.installments where actual[item.id] != item.amount {
                    result.differences.append(
                        ScenarioDifference(
                            field: "echeancier.\(item.id)", expected: item.amount.french,
                            actual: actual[item.id]?.french ?? "aucun versement de ce nom"))
                }
                if result.differences.count > 0, result.explanation.isEmpty { result.explanation = schedule.trace }
            } catch {
                result.differences.append(ScenarioDifference(field: "echeancier", expected: "un échéancier", actual: "refus : \(error)"))
            }
        }
        let settles = !expected.components.isEmpty || expected.due != nil || expected.solde != nil
            || expected.reversement != nil || expected.lateObligations != nil || expected.refusal != nil
            || expected.soldeState != nil
        if settles { compareSettlement(scenario, target: target, into: &result) }
        compareLifecycle(scenario, target: target, into: &result)
        if let codes = expected.findings {
            do {
                let actual = Set(try target.findings().map(\.code))
                if actual != Set(codes) {
                    result.differences.append(
                        ScenarioDifference(
                            field: "constats", expected: "[\(codes.sorted().joined(separator: ", "))]",
                            actual: "[\(actual.sorted().joined(separator: ", "))]"))
                }
            } catch {
                result.differences.append(ScenarioDifference(field: "constats", expected: "des constats", actual: "refus : \(error)"))
            }
        }
    }

    static func compareSettlement(_ scenario: ScenarioFile, target: SettlementTarget, into result: inout ScenarioResult) {
        let expected = scenario.expected
        let settlement: Settlement
        do {
            settlement = try target.settle(scenario.bilan, asOf: scenario.asOf, readings: Set(scenario.readings))
        } catch {
            let message = error.description
            if let refusal = expected.refusal {
                if !message.contains(refusal) {
                    result.differences.append(
                        ScenarioDifference(field: "refus", expected: "un refus contenant « \(refusal) »", actual: "refus : \(message)"))
                }
            } else {
                result.differences.append(ScenarioDifference(field: "reglement", expected: "un règlement", actual: "refus : \(message)"))
            }
            return
        }
        if let refusal = expected.refusal {
            result.differences.append(
                ScenarioDifference(
                    field: "refus", expected: "un refus contenant « \(refusal) »", actual: "calcul accepté : dû \(settlement.due.french)"))
        }
        var firstSubject: String?
        let actualComponents = Dictionary(settlement.components.map { ($0.id, $0.due) }) { first, _ in first }
        for item in expected.components where actualComponents[item.id] != item.amount {
            firstSubject = firstSubject ?? item.id
            result.differences.append(
                ScenarioDifference(
                    field: "composantes.\(item.id)", expected: item.amount.french,
                    actual: actualComponents[item.id]?.french ?? "aucune composante de ce nom"))
        }
        if let due = expected.due, due != settlement.due {
            result.differences.append(ScenarioDifference(field: "du", expected: due.french, actual: settlement.due.french))
        }
        var actualSolde = Money.zero
        var actualReversement = Money.zero
        switch settlement.outcome {
        case .solde(let amount): actualSolde = amount
        case .reversement(let amount): actualReversement = amount
        case .settled: break
        }
        if let solde = expected.solde, solde != actualSolde {
            result.differences.append(ScenarioDifference(field: "solde", expected: solde.french, actual: actualSolde.french))
        }
        if let reversement = expected.reversement, reversement != actualReversement {
            result.differences.append(
                ScenarioDifference(field: "reversement", expected: reversement.french, actual: actualReversement.french))
        }
        if let state = expected.soldeState {
            let actual = settlement.soldePayability
            if actual?.code != state {
                result.differences.append(
                    ScenarioDifference(
                        field: "etat-solde", expected: state, actual: actual.map { "\($0.code) (\($0))" } ?? "aucun solde"))
            }
        }
        if let late = expected.lateObligations {
            let actual = settlement.obligations.filter { $0.state == .late || $0.state == .fulfilledLate }.map(\.obligation.id)
            if Set(actual) != Set(late) {
                result.differences.append(
                    ScenarioDifference(
                        field: "obligations-en-retard", expected: "[\(late.sorted().joined(separator: ", "))]",
                        actual: "[\(actual.sorted().joined(separator: ", "))]"))
            }
        }
        if !result.differences.isEmpty {
            let steps = settlement.trace.filter { step in firstSubject.map { step.subject == $0 } ?? true }
            result.explanation = steps.isEmpty ? settlement.trace : steps
        }
    }

    /// The scenario files under `path` (a file, or a directory searched recursively), sorted.
    ///
    /// A file named directly is always a scenario to run. In a directory, only the files that declare another
    /// kind of the project's files (convention, programme, bilan) are left out: a file that cannot be read, is
    /// not valid YAML, or has no or an unknown `format:` is kept, so that replaying it reports why (never skipped
    /// in silence).
    public static func scenarioFiles(at path: String) throws(LoadFailure) -> [String] {
        let files = try ConventionFiles.files(at: path)
        if files == [path] { return files }
        let otherKinds: Set<String> = [
            ConventionFiles.conventionFormat, ConventionFiles.programmeFormat, ConventionFiles.bilanFormat,
        ]
        return files.filter { file in
            guard let text = try? ConventionFiles.readText(path: file), let format = ConventionFiles.format(of: text)
            else { return true }
            return !otherKinds.contains(format)
        }
    }
}
