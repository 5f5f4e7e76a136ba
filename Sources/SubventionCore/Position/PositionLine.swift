/// An amount of an échéancier in a position: paid on a date, échu (payable and past its date, not paid), à venir
/// on a date, or sans date until a condition is met.
public struct PositionLine: Hashable, Sendable {
    /// Where the amount stands at the position's date.
    public enum State: Hashable, Sendable {
        /// Paid (versé), on this date when known.
        case paid(on: CalendarDate?)
        /// Payable and due since this date, not paid (échu).
        case overdue(since: CalendarDate?)
        /// Expected on this date (à venir), once the events listed have happened.
        case upcoming(on: CalendarDate, awaiting: [TriggerEvent])
        /// No date yet (sans date): waits for these events, or for `reason` (an avance not fixed yet).
        case undated(awaiting: [TriggerEvent], reason: String?)

        /// A stable machine code: `verse`, `echu`, `a-venir`, `sans-date`.
        public var code: String {
            switch self {
            case .paid: return "verse"
            case .overdue: return "echu"
            case .upcoming: return "a-venir"
            case .undated: return "sans-date"
            }
        }

        /// The date it is placed at in a calendar, when it has one.
        public var date: CalendarDate? {
            switch self {
            case .paid(let date), .overdue(let date): return date
            case .upcoming(let date, _): return date
            case .undated: return nil
            }
        }

        /// `versé le 02/06/2025`, `échu depuis le 02/04/2025`, `à venir le 31/01/2026 (après : réception du bilan)`.
        public var french: String {
            switch self {
            case .paid(let date?): return "versé le \(date.frenchShort)"
            case .paid(nil): return "versé"
            case .overdue(let date?): return "échu depuis le \(date.frenchShort)"
            case .overdue(nil): return "exigible"
            case .upcoming(let date, let events):
                return "à venir le \(date.frenchShort)"
                    + (events.isEmpty ? "" : " (après : " + events.map(\.frenchLabel).joined(separator: ", ") + ")")
            case .undated(let events, let reason):
                return "sans date : " + Self.condition(events, reason: reason)
            }
        }

        /// What an undated amount waits for: `en attente de réception du bilan`.
        public static func condition(_ events: [TriggerEvent], reason: String?) -> String {
            var parts: [String] = []
            if !events.isEmpty { parts.append("en attente de " + events.map(\.frenchLabel).joined(separator: ", ")) }
            if let reason { parts.append(reason) }
            return parts.isEmpty ? "non daté" : parts.joined(separator: " ; ")
        }

        public var isPaid: Bool {
            if case .paid = self { return true }
            return false
        }
    }

    /// The installment, when the amount belongs to one (a payment may name none).
    public var installmentID: String?
    public var label: String
    public var amount: Money
    public var state: State
    /// The trigger events of the installment, for people (`réception du bilan`).
    public var triggers: [TriggerEvent]

    public init(installmentID: String?, label: String, amount: Money, state: State, triggers: [TriggerEvent] = []) {
        self.installmentID = installmentID
        self.label = label
        self.amount = amount
        self.state = state
        self.triggers = triggers
    }
}
