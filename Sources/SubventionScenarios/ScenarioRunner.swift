import SubventionConventions
import SubventionCore

/// Replays scenario files: loads the convention each names, computes, and compares with the expected figures.
public enum ScenarioRunner {
    /// Replays the scenario at `path`.
    public static func run(path: String) -> ScenarioResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result: ScenarioResult
        do {
            let text = try ConventionFiles.readText(path: path)
            result = run(try ConventionFiles.scenario(text: text, file: path, terms: terms))
        } catch {
            result = ScenarioResult(path: path, name: path, error: error.description)
            result.isUnreadable = true
        }
        result.duration = clock.now - start
        return result
    }

    /// The terms a scenario's bilan is read against.
    package static func terms(conventionPath: String, structure: String?, operation: String?) throws(LoadFailure) -> Convention {
        // A co-financed convention's bilan is read against the whole convention, whichever financeur is computed.
        // Optional lookup: a file that does not load is not co-financed here; SettlementTarget.load reports why.
        if structure == nil, case .convention(let convention)? = try? ConventionFiles.load(path: conventionPath).0,
            convention.isCofinanced
        {
            return convention
        }
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
        result.reason = scenario.reason
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
                scenario.conventionPath, structure: scenario.structure, operation: scenario.operation, asOf: scenario.asOf,
                financeur: scenario.financeur
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
        defer { locateDifferences(scenario, in: &result) }
        let expected = scenario.expected
        let location = { (field: String) in Self.location(of: field, in: scenario) }
        let bilan = scenario.bilan
        if !expected.installments.isEmpty {
            do {
                let schedule = try target.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
                let actual = Dictionary(schedule.installments.map { ($0.installment.id, $0.amount) }) { first, _ in first }
                for item in expected.installments where actual[item.id] != item.amount {
                    let field = "echeancier.\(item.id)"
                    if let amount = actual[item.id] {
                        result.differences.append(
                            ScenarioDifference(field: field, expected: item.amount, actual: amount, location: location(field)))
                    } else {
                        result.differences.append(
                            ScenarioDifference(
                                field: field, expected: item.amount.french, actual: "aucun versement de ce nom",
                                location: location(field)))
                    }
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

    /// `file:line` of the expected value of `field` (or of its section) in the scenario file.
    static func location(of field: String, in scenario: ScenarioFile) -> String? {
        let section = field.split(separator: ".").first.map(String.init) ?? field
        return (scenario.expected.lines[field] ?? scenario.expected.lines[section]).map { "\(scenario.path):\($0)" }
    }

    /// Gives every difference without a location the line of its expected value.
    static func locateDifferences(_ scenario: ScenarioFile, in result: inout ScenarioResult) {
        for index in result.differences.indices where result.differences[index].location == nil {
            let field = result.differences[index].field
            result.differences[index].location = location(of: field == "reglement" ? "du" : field, in: scenario)
        }
    }

    static func compareSettlement(_ scenario: ScenarioFile, target: SettlementTarget, into result: inout ScenarioResult) {
        let expected = scenario.expected
        let location = { (field: String) in Self.location(of: field, in: scenario) }
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
            let field = "composantes.\(item.id)"
            if let amount = actualComponents[item.id] {
                result.differences.append(
                    ScenarioDifference(field: field, expected: item.amount, actual: amount, location: location(field)))
            } else {
                result.differences.append(
                    ScenarioDifference(
                        field: field, expected: item.amount.french, actual: "aucune composante de ce nom",
                        location: location(field)))
            }
        }
        if let due = expected.due, due != settlement.due {
            result.differences.append(
                ScenarioDifference(field: "du", expected: due, actual: settlement.due, location: location("du")))
        }
        var actualSolde = Money.zero
        var actualReversement = Money.zero
        switch settlement.outcome {
        case .solde(let amount): actualSolde = amount
        case .reversement(let amount): actualReversement = amount
        case .settled: break
        }
        if let solde = expected.solde, solde != actualSolde {
            result.differences.append(
                ScenarioDifference(field: "solde", expected: solde, actual: actualSolde, location: location("solde")))
        }
        if let reversement = expected.reversement, reversement != actualReversement {
            result.differences.append(
                ScenarioDifference(
                    field: "reversement", expected: reversement, actual: actualReversement, location: location("reversement")))
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
            // Optional lookup: an unreadable file is kept (see above), so that replaying it reports the error.
            guard let text = try? ConventionFiles.readText(path: file), let format = ConventionFiles.format(of: text)
            else { return true }
            return !otherKinds.contains(format)
        }
    }
}
