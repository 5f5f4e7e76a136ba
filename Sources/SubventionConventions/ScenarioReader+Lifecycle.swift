import SubventionCore
import Yams

extension ScenarioReader {
    /// `lectures: [id, …]`: clause or reading ids of the convention's résiliation clauses.
    func readings(_ node: Node, of convention: Convention) -> [String] {
        let known = convention.lifecycle.terminations.flatMap { [$0.id] + $0.readings.map(\.id) }
        return reader.sequence(node, what: "scenario.lectures").compactMap { item in
            guard let id = reader.identifier(item, what: "scenario.lectures") else { return nil }
            guard known.contains(id) else {
                var message = "scenario.lectures : « \(id) » n'est ni une résiliation ni une lecture de la convention"
                if let suggestion = Suggestion.closest(to: id, among: known) {
                    message += " (vouliez-vous dire « \(suggestion) » ?)"
                } else {
                    message += " (\(known.isEmpty ? "aucune déclarée" : known.joined(separator: ", ")))"
                }
                reader.error(message, at: item)
                return nil
            }
            return id
        }
    }

    /// `attendu.vie: { etat, dates: { id: date }, titre-de-recettes, du }`.
    func lifecycleExpectation(_ node: Node, what: String) -> LifecycleExpectation? {
        guard let map = reader.mapping(node, allowed: ["etat", "dates", "titre-de-recettes", "du"], what: what) else {
            return nil
        }
        var expected = LifecycleExpectation()
        if let stateNode = map["etat"], let state = reader.text(stateNode, what: "\(what).etat") {
            let states = ["en-cours", "mise-en-demeure", "resiliation-en-cours", "resiliee", "suspendue"]
            if states.contains(state) {
                expected.state = state
            } else {
                reader.error("\(what).etat : \(states.map { "« \($0) »" }.joined(separator: ", ")) est attendu", at: stateNode)
            }
        }
        if let datesNode = map["dates"] {
            if let pairs = datesNode.mapping {
                for (keyNode, value) in pairs {
                    guard let id = reader.identifier(keyNode, what: "\(what).dates"),
                        let date = reader.date(value, what: "\(what).dates.\(id)")
                    else { continue }
                    expected.dates.append((id, date))
                }
            } else {
                reader.error("\(what).dates : un dictionnaire (id: date) est attendu", at: datesNode)
            }
        }
        expected.claim = map["titre-de-recettes"].flatMap { reader.money($0, what: "\(what).titre-de-recettes") }
        expected.due = map["du"].flatMap { reader.money($0, what: "\(what).du") }
        return expected
    }
}
