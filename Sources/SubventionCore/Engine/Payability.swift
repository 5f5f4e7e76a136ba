/// Whether an échéance can be paid (exigibilité): paid, payable since a date, or waiting for events.
///
/// Every view of an échéance — `schedule`, `settle`, reports, scenarios — states it, so that an amount is never
/// shown as « à verser » while its condition (the bilan, a written request) has not been met.
public enum Payability: Hashable, Sendable, CustomStringConvertible {
    /// Paid (versée): the document states it, or a payment is recorded for it.
    case paid
    /// Payable (exigible): every trigger has happened, the latest on `since` (nil when it has no trigger).
    case payable(since: CalendarDate?)
    /// Waiting (en attente) for these events.
    case waiting(for: [TriggerEvent])

    /// A stable machine code: `versee`, `exigible`, `en-attente`.
    public var code: String {
        switch self {
        case .paid: return "versee"
        case .payable: return "exigible"
        case .waiting: return "en-attente"
        }
    }

    /// `exigible depuis le 02/04/2025`, `en attente : réception du bilan`.
    public var description: String {
        switch self {
        case .paid: return "versée"
        case .payable(let since?): return "exigible depuis le \(since.frenchShort)"
        case .payable(nil): return "exigible"
        case .waiting(let events):
            return "en attente : " + events.map(\.frenchLabel).joined(separator: ", ")
        }
    }

    /// Whether it can be paid now.
    public var isPayable: Bool {
        if case .payable = self { return true }
        return false
    }
}

extension Installment {
    /// Where this installment stands given the events that happened and whether a payment is recorded for it.
    func payability(events: [String: CalendarDate], recordedPaid: Bool) -> Payability {
        if alreadyPaid || recordedPaid { return .paid }
        let missing = triggers.filter { events[$0.rawValue] == nil }
        guard missing.isEmpty else { return .waiting(for: missing) }
        return .payable(since: triggers.compactMap { events[$0.rawValue] }.max())
    }
}
