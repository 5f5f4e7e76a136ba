import SubventionCore
import Yams

/// Reads the `vie:` section: résiliations and their delays, suspension, monthly deadlines, and the money that
/// follows a résiliation (see docs/convention-format.md, « Vie de la convention »).
extension ConventionReader {
    func lifecycle(_ node: Node, what: String) -> LifecycleTerms {
        var terms = LifecycleTerms()
        guard
            let map = reader.mapping(
                node, allowed: ["resiliations", "suspension", "echeances-mensuelles", "consequence"], what: what)
        else { return terms }
        if let node = map["resiliations"] { terms.terminations = terminations(node, what: "\(what).resiliations") }
        if let node = map["suspension"] { terms.suspension = suspension(node, what: "\(what).suspension") }
        if let node = map["echeances-mensuelles"] {
            terms.monthlyDeadlines = monthlyDeadlines(node, what: "\(what).echeances-mensuelles")
        }
        if let node = map["consequence"] { terms.consequence = consequence(node, what: "\(what).consequence") }
        return terms
    }

    func terminations(_ node: Node, what: String) -> [TerminationClause] {
        var seen: Set<String> = []
        var retainedGrounds: [TerminationClause.Ground: String] = [:]
        return reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(
                    item,
                    allowed: [
                        "id", "libelle", "motif", "delai", "franc", "a-compter-de", "au-plus-tot", "retenue",
                        "autres-lectures", "source",
                    ], what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(path).libelle"),
                let groundNode = map.required("motif"), let groundText = reader.text(groundNode, what: "\(path).motif"),
                let anchorNode = map.required("a-compter-de"), let anchor = lifecycleAnchor(anchorNode, what: "\(path).a-compter-de")
            else { return nil }
            guard seen.insert(id).inserted else {
                reader.error("\(path).id : « \(id) » est déjà l'identifiant d'une autre résiliation", at: idNode)
                return nil
            }
            guard let ground = TerminationClause.Ground(rawValue: groundText) else {
                let names = TerminationClause.Ground.allCases.map { "« \($0.rawValue) »" }.joined(separator: ", ")
                reader.error("\(path).motif : \(names) est attendu, « \(groundText) » trouvé", at: groundNode)
                return nil
            }
            let delay = map["delai"].flatMap { noticeDelay($0, franc: map["franc"], what: path) }
            if map["delai"] != nil && delay == nil { return nil }
            if map["delai"] == nil, let francNode = map["franc"] {
                reader.error("\(path).franc : sans « delai » en mois franc, la lecture n'a pas d'objet", at: francNode)
            }
            if delay == nil && ground != .automatic {
                reader.error("\(path) : clé « delai » manquante (seule une résiliation de plein droit est sans préavis)", at: item)
                return nil
            }
            let retained = map["retenue"].flatMap { reader.bool($0, what: "\(path).retenue") } ?? true
            if retained {
                if let other = retainedGrounds[ground] {
                    reader.error(
                        "\(path) : « \(other) » est déjà la \(ground.frenchLabel) retenue ; marquez l'autre lecture "
                            + "« retenue: false »", at: item)
                    return nil
                }
                retainedGrounds[ground] = id
            }
            return TerminationClause(
                id: id, label: label, ground: ground, delay: delay, anchor: anchor,
                earliest: map["au-plus-tot"].flatMap { reader.bool($0, what: "\(path).au-plus-tot") } ?? false,
                retained: retained,
                readings: map["autres-lectures"].map { readings($0, what: "\(path).autres-lectures", ids: &seen) } ?? [],
                clause: reader.clause(map["source"], what: path))
        }
    }

    func readings(_ node: Node, what: String, ids: inout Set<String>) -> [TerminationClause.Reading] {
        var result: [TerminationClause.Reading] = []
        for (index, item) in reader.sequence(node, what: what).enumerated() {
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(item, allowed: ["id", "delai", "franc", "a-compter-de", "pourquoi"], what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id")
            else { continue }
            guard ids.insert(id).inserted else {
                reader.error("\(path).id : « \(id) » est déjà l'identifiant d'une résiliation ou d'une lecture", at: idNode)
                continue
            }
            let delay = map["delai"].flatMap { noticeDelay($0, franc: map["franc"], what: path) }
            let anchor = map["a-compter-de"].flatMap { lifecycleAnchor($0, what: "\(path).a-compter-de") }
            guard delay != nil || anchor != nil else {
                if map["delai"] == nil && map["a-compter-de"] == nil {
                    reader.error("\(path) : une lecture change « delai » ou « a-compter-de »", at: item)
                }
                continue
            }
            result.append(
                TerminationClause.Reading(
                    id: id, delay: delay, anchor: anchor,
                    reason: map["pourquoi"].flatMap { reader.text($0, what: "\(path).pourquoi") }))
        }
        return result
    }

    /// `delai: 1 mois franc` with `franc: jour-exclu | strict` beside it.
    func noticeDelay(_ node: Node, franc: Node?, what: String) -> NoticeDelay? {
        guard let text = reader.text(node, what: "\(what).delai") else { return nil }
        var reading: NoticeDelay.FrancReading?
        if let franc, let name = reader.text(franc, what: "\(what).franc") {
            guard let value = NoticeDelay.FrancReading(rawValue: name) else {
                reader.error("\(what).franc : « jour-exclu » ou « strict » est attendu, « \(name) » trouvé", at: franc)
                return nil
            }
            reading = value
        }
        do {
            let delay = try NoticeDelay(parsing: text, franc: reading)
            if let franc, delay.unit != .francMonths {
                reader.error("\(what).franc : le délai « \(text) » n'est pas en mois franc", at: franc)
            }
            return delay
        } catch {
            reader.error("\(what).delai : \(error)", at: node)
            return nil
        }
    }

    /// An event of the convention's life (``LifecycleEvent``), with a suggestion on a typo.
    func lifecycleAnchor(_ node: Node, what: String) -> String? {
        guard let name = reader.identifier(node, what: what) else { return nil }
        let names = LifecycleEvent.allCases.map(\.rawValue)
        guard names.contains(name) else {
            var message = "\(what) : événement « \(name) » inconnu"
            if let suggestion = Suggestion.closest(to: name, among: names) {
                message += " (vouliez-vous dire « \(suggestion) » ?)"
            } else {
                message += " (événements : \(names.joined(separator: ", ")))"
            }
            reader.error(message, at: node)
            return nil
        }
        return name
    }

    func suspension(_ node: Node, what: String) -> SuspensionClause? {
        guard let map = reader.mapping(node, allowed: ["libelle", "delai-observations", "source"], what: what),
            let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(what).libelle")
        else { return nil }
        return SuspensionClause(
            label: label,
            observationDelay: map["delai-observations"].flatMap { noticeDelay($0, franc: nil, what: what) },
            clause: reader.clause(map["source"], what: what))
    }

    func monthlyDeadlines(_ node: Node, what: String) -> [MonthlyDeadline] {
        reader.sequence(node, what: what).enumerated().compactMap { index, item in
            let path = "\(what)[\(index + 1)]"
            guard
                let map = reader.mapping(item, allowed: ["id", "libelle", "rang", "jour", "source"], what: path),
                let idNode = map.required("id"), let id = reader.identifier(idNode, what: "\(path).id"),
                let labelNode = map.required("libelle"), let label = reader.text(labelNode, what: "\(path).libelle"),
                let rankNode = map.required("rang"), let rank = reader.integer(rankNode, what: "\(path).rang"),
                let dayNode = map.required("jour"), let dayName = reader.text(dayNode, what: "\(path).jour")
            else { return nil }
            guard (1...5).contains(rank) else {
                reader.error("\(path).rang : un rang de 1 à 5 est attendu, « \(rank) » trouvé", at: rankNode)
                return nil
            }
            guard let weekday = Weekday.allCases.first(where: { $0.french == dayName.lowercased() }),
                weekday != .saturday, weekday != .sunday
            else {
                reader.error("\(path).jour : un jour ouvré (« lundi » à « vendredi ») est attendu, « \(dayName) » trouvé", at: dayNode)
                return nil
            }
            return MonthlyDeadline(
                id: id, label: label, rank: rank, weekday: weekday, clause: reader.clause(map["source"], what: path))
        }
    }

    func consequence(_ node: Node, what: String) -> TerminationConsequence? {
        guard
            let map = reader.mapping(node, allowed: ["reversement", "emploi-justifie", "libelle", "source"], what: what),
            let kindNode = map.required("reversement"), let kindText = reader.text(kindNode, what: "\(what).reversement")
        else { return nil }
        guard let kind = TerminationConsequence.Kind(rawValue: kindText) else {
            let names = TerminationConsequence.Kind.allCases.map { "« \($0.rawValue) »" }.joined(separator: ", ")
            reader.error("\(what).reversement : \(names) est attendu, « \(kindText) » trouvé", at: kindNode)
            return nil
        }
        var input: String?
        if let inputNode = map["emploi-justifie"], let key = reader.identifier(inputNode, what: "\(what).emploi-justifie") {
            guard reader.checkInput(key, expecting: .money, at: inputNode, what: "\(what).emploi-justifie") else { return nil }
            input = key
        }
        return TerminationConsequence(
            kind: kind, justifiedUseInput: input,
            label: map["libelle"].flatMap { reader.text($0, what: "\(what).libelle") } ?? "titre de recettes",
            clause: reader.clause(map["source"], what: what))
    }
}
