import Foundation
import SubventionCore
import Yams

/// Reads a scenario file (`format: subvention/scenario 1`); its bilan is read against the convention it names.
struct ScenarioReader {
    let reader: NodeReader
    let path: String
    /// Loads the convention or programme a scenario names and returns the terms its bilan is read against.
    let terms: (_ conventionPath: String, _ structure: String?, _ operation: String?) throws(LoadFailure) -> Convention

    static let keys = [
        "nom", "pourquoi", "convention", "empreinte", "structure", "operation", "date", "bilan", "attendu",
        "lectures", "financeur",
    ]

    func scenario(_ node: Node) throws(LoadFailure) -> ScenarioFile? {
        guard let map = reader.mapping(node, allowed: Self.keys, what: "scenario"),
            let nameNode = map.required("nom"), let name = reader.text(nameNode, what: "scenario.nom"),
            let conventionNode = map.required("convention"),
            let reference = reader.text(conventionNode, what: "scenario.convention")
        else { return nil }
        let structure = map["structure"].flatMap { reader.text($0, what: "scenario.structure") }
        let operation = map["operation"].flatMap { reader.text($0, what: "scenario.operation") }
        let conventionPath = Self.resolve(reference, relativeTo: path)
        let convention = try terms(conventionPath, structure, operation)
        var bilan = Bilan()
        if let bilanNode = map["bilan"] {
            var bilanReader = BilanReader(reader: reader, convention: convention)
            bilanReader.namesConvention = false
            bilan = bilanReader.bilan(bilanNode)?.bilan ?? bilan
        }
        guard let expectedNode = map.required("attendu") else { return nil }
        var file = ScenarioFile(
            path: path, name: name, reason: map["pourquoi"].flatMap { reader.text($0, what: "scenario.pourquoi") },
            conventionReference: reference, conventionPath: conventionPath,
            recordedHash: map["empreinte"].flatMap { reader.text($0, what: "scenario.empreinte") },
            structure: structure, operation: operation,
            asOf: map["date"].flatMap { reader.date($0, what: "scenario.date") }, bilan: bilan,
            expected: expectation(expectedNode))
        if let node = map["lectures"] { file.readings = readings(node, of: convention) }
        file.financeur = map["financeur"].flatMap { reader.identifier($0, what: "scenario.financeur") }
        return file
    }

    func expectation(_ node: Node) -> ScenarioExpectation {
        let what = "scenario.attendu"
        guard
            let map = reader.mapping(
                node,
                allowed: [
                    "echeancier", "composantes", "du", "solde", "reversement", "obligations-en-retard", "constats",
                    "refus", "etat-solde", "vie",
                ], what: what)
        else { return ScenarioExpectation() }
        var expected = ScenarioExpectation()
        expected.installments = amounts(map["echeancier"], what: "\(what).echeancier")
        expected.components = amounts(map["composantes"], what: "\(what).composantes")
        expected.due = map["du"].flatMap { reader.money($0, what: "\(what).du") }
        expected.solde = map["solde"].flatMap { reader.money($0, what: "\(what).solde") }
        expected.reversement = map["reversement"].flatMap { reader.money($0, what: "\(what).reversement") }
        expected.lateObligations = map["obligations-en-retard"].map { identifiers($0, what: "\(what).obligations-en-retard") }
        expected.findings = map["constats"].map { identifiers($0, what: "\(what).constats") }
        expected.refusal = map["refus"].flatMap { reader.text($0, what: "\(what).refus") }
        for key in ["du", "solde", "reversement", "obligations-en-retard", "constats", "refus", "etat-solde", "vie"] {
            if let line = map[key]?.mark?.line { expected.lines[key] = line }
        }
        for (key, prefix) in [("echeancier", "echeancier"), ("composantes", "composantes")] {
            if let line = map[key]?.mark?.line { expected.lines[prefix] = line }
            for (keyNode, value) in map[key]?.mapping ?? [:] {
                if let id = keyNode.scalar?.string, let line = value.mark?.line { expected.lines["\(prefix).\(id)"] = line }
            }
        }
        for (keyNode, value) in map["vie"]?.mapping ?? [:] {
            guard let key = keyNode.scalar?.string else { continue }
            if let line = value.mark?.line { expected.lines["vie.\(key)"] = line }
            for (dateKey, date) in value.mapping ?? [:] {
                if let id = dateKey.scalar?.string, let line = date.mark?.line { expected.lines["vie.\(key).\(id)"] = line }
            }
        }
        if let node = map["etat-solde"], let state = reader.text(node, what: "\(what).etat-solde") {
            let states = ["versee", "exigible", "en-attente"]
            if states.contains(state) {
                expected.soldeState = state
            } else {
                reader.error(
                    "\(what).etat-solde : « \(state) » inconnu ; valeurs possibles : \(states.joined(separator: ", "))",
                    at: node)
            }
        }
        expected.lifecycle = map["vie"].flatMap { lifecycleExpectation($0, what: "\(what).vie") }
        return expected
    }

    func amounts(_ node: Node?, what: String) -> [ExpectedAmount] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            reader.error("\(what) : un dictionnaire (id: montant) est attendu", at: node)
            return []
        }
        return pairs.compactMap { keyNode, value in
            guard let id = reader.identifier(keyNode, what: what), let amount = reader.money(value, what: "\(what).\(id)")
            else { return nil }
            return ExpectedAmount(id: id, amount: amount)
        }
    }

    func identifiers(_ node: Node, what: String) -> [String] {
        reader.sequence(node, what: what).compactMap { reader.identifier($0, what: what) }
    }

    /// `reference` relative to the directory of `file`; else, when only there it names an existing file, relative to
    /// the working directory, as written and then without its leading `../` and `./` (a scenario copied out of
    /// `Examples/scenarios/…` still finds `../../../Conventions/…` as `Conventions/…` from the repository's root).
    /// Absolute references stay as they are. When none exists, the path relative to `file` is kept, for the error
    /// message.
    static func resolve(_ reference: String, relativeTo file: String) -> String {
        guard !reference.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return reference }
        let besideScenario = String(file[...slash]) + reference
        guard !FileManager.default.fileExists(atPath: besideScenario) else { return besideScenario }
        var fromRoot = Substring(reference)
        while fromRoot.hasPrefix("../") || fromRoot.hasPrefix("./") { fromRoot = fromRoot.drop { $0 == "." }.dropFirst() }
        for candidate in [reference, String(fromRoot)] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return besideScenario
    }
}

extension ConventionFiles {
    /// The `format:` line of scenario files.
    public static let scenarioFormat = "subvention/scenario 1"

    /// Reads a scenario's text; `terms` loads the convention (or programme row) it names.
    public static func scenario(
        text: String, file: String,
        terms: @escaping (_ conventionPath: String, _ structure: String?, _ operation: String?) throws(LoadFailure)
            -> Convention
    ) throws(LoadFailure) -> ScenarioFile {
        let reader = NodeReader(file: file)
        var scenario: ScenarioFile?
        if let node = header(text, kind: "scenario", format: scenarioFormat, reader: reader) {
            scenario = try ScenarioReader(reader: reader, path: file, terms: terms).scenario(node)
        }
        return try finish(scenario, reader).0
    }
}
