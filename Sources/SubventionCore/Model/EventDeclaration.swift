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
    public var eventVocabulary: [String] {
        Self.commonEvents + declaredEvents.map(\.id)
    }
}
