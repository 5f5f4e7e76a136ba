/// An event a convention names beyond the common ones (événement déclaré): « bilan traité », « comptes reçus »…
///
/// The triggers (``TriggerEvent``), the events of the convention's life (``LifecycleEvent``) and these form the
/// convention's vocabulary: an obligation, a date rule, a bilan or a scenario naming any other event is an error.
public struct EventDeclaration: Hashable, Sendable {
    /// The name bilans date it under (`bilan-traite`).
    public var id: String
    /// French label (« Bilan traité par le Département »).
    public var label: String
    public var clause: Clause?

    public init(id: String, label: String, clause: Clause? = nil) {
        self.id = id
        self.label = label
        self.clause = clause
    }
}

extension Convention {
    /// The events every convention knows: installment triggers and events of the convention's life.
    public static let commonEvents: [String] =
        TriggerEvent.allCases.map(\.rawValue) + LifecycleEvent.allCases.map(\.rawValue)

    /// Every event name this convention may be given a date for: the common ones and its declared ones.
    /// Events of other conventions that condition an échéance (`condition:`) are part of it under their qualified
    /// name (`convention-a/rapport-remis`), so that a bilan or `--what-if` may date them.
    public var eventVocabulary: [String] {
        Self.commonEvents + declaredEvents.map(\.id) + linkedEvents.map(\.qualifiedName)
    }

    /// The events of other conventions its échéances wait for (conventions liées), once each.
    public var linkedEvents: [EventLink] {
        var links: [EventLink] = []
        for link in installments.flatMap({ $0.triggers.compactMap(\.link) })
        where !links.contains(where: { $0.qualifiedName == link.qualifiedName }) {
            links.append(link)
        }
        return links
    }

    /// How people read one of its events: « réception du bilan », or the declared label, or the name itself.
    public func eventLabel(_ name: String) -> String {
        if let trigger = TriggerEvent(rawValue: name) { return trigger.frenchLabel }
        if let event = LifecycleEvent(rawValue: name) { return event.frenchLabel }
        if let declared = declaredEvents.first(where: { $0.id == name }) { return declared.label }
        return "« \(name) »"
    }
}
