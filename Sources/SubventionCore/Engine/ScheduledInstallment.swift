/// An installment of the échéancier with its amount and where it stands.
public struct ScheduledInstallment: Hashable, Sendable {
    /// Where an installment stands.
    public enum Status: String, Hashable, Sendable {
        /// Paid: the document states it as paid, or a payment is recorded for it.
        case paid = "verse"
        /// Every trigger has happened: it can be paid.
        case payable = "exigible"
        /// A trigger has not happened yet (or its date is unknown).
        case waiting = "en-attente"

        public var frenchLabel: String {
            switch self {
            case .paid: return "versé"
            case .payable: return "exigible"
            case .waiting: return "en attente"
            }
        }
    }

    public var installment: Installment
    /// The amount in the schedule (for the solde: the maximum, before settlement).
    public var amount: Money
    /// The date each trigger happened, when known.
    public var triggerDates: [TriggerEvent: CalendarDate]
    /// When every trigger has happened: the latest trigger date.
    public var payableFrom: CalendarDate?
    /// The date or deadline the document gives, resolved.
    public var dueDate: CalendarDate?
    public var status: Status

    /// Paid, payable since its latest trigger, or waiting for the triggers that have not happened.
    public var payability: Payability {
        switch status {
        case .paid: return .paid
        case .payable: return .payable(since: payableFrom)
        case .waiting: return .waiting(for: installment.triggers.filter { triggerDates[$0] == nil })
        }
    }
}
