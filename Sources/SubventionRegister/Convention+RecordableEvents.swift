import SubventionCore

extension Convention {
    /// The events a convention declares (événements déclarés), which the register accepts: the triggers of its
    /// échéances (and of its avenants'), the events that fulfil its obligations or that their deadlines count
    /// from, the events of its lifecycle clauses, `avenant-signe` when it has avenants, and `signature`
    /// (every convention is signed), within the convention's vocabulary (`eventVocabulary`: the common events and
    /// its own `evenements:`), so that the register accepts what a bilan file may say.
    public var recordableEvents: [String] {
        var names: Set<String> = Set(eventVocabulary).union([TriggerEvent.signature.rawValue])
        let allInstallments = installments + amendments.flatMap { $0.installments ?? [] }
        for installment in allInstallments {
            for trigger in installment.triggers { names.insert(trigger.rawValue) }
            if let due = installment.due, let anchor = Self.anchorEvent(due) { names.insert(anchor) }
        }
        for obligation in obligations {
            if let event = obligation.fulfilledBy { names.insert(event) }
            if let anchor = Self.anchorEvent(obligation.due) { names.insert(anchor) }
        }
        if !amendments.isEmpty { names.insert(TriggerEvent.amendmentSigned.rawValue) }
        if !lifecycle.isEmpty { names.formUnion(lifecycle.eventNames) }
        return names.sorted()
    }

    /// The ids of its échéances and of its avenants' (what a versement may name).
    public var installmentIDs: [String] {
        var ids: [String] = []
        for id in installments.map(\.id) + amendments.flatMap({ $0.installments ?? [] }).map(\.id) where !ids.contains(id) {
            ids.append(id)
        }
        return ids
    }

    static func anchorEvent(_ rule: DateRule) -> String? {
        if case .after(.event(let name), _, _) = rule { return name }
        return nil
    }
}
