import SubventionCore

/// Presents whether an échéance can be paid, for programs.
public enum PayabilityPresenter {
    /// `{"etat": "en-attente", "depuis": null, "attend": ["bilan-recu"], "libelle": "en attente : réception du bilan"}`;
    /// `null` when there is no such échéance.
    public static func json(_ payability: Payability?) -> JSONValue {
        guard let payability else { return .null }
        var since: CalendarDate?
        var awaiting: [TriggerEvent] = []
        switch payability {
        case .paid: break
        case .payable(let date): since = date
        case .waiting(let events): awaiting = events
        }
        return .object([
            ("etat", .string(payability.code)), ("depuis", .date(since)),
            ("attend", .array(awaiting.map { .string($0.rawValue) })), ("libelle", .string(payability.description)),
        ])
    }
}
