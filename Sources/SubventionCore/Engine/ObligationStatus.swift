/// Where an obligation stands at a date.
public struct ObligationStatus: Hashable, Sendable {
    /// The state of an obligation.
    public enum State: String, Hashable, Sendable {
        /// Fulfilled by its deadline (or without a deadline).
        case fulfilled = "accomplie"
        /// Fulfilled after its deadline.
        case fulfilledLate = "accomplie-en-retard"
        /// Not fulfilled, deadline not passed.
        case pending = "a-venir"
        /// Not fulfilled, deadline passed.
        case late = "en-retard"
        /// The deadline depends on an event that has not happened.
        case undetermined = "indeterminee"

        public var frenchLabel: String {
            switch self {
            case .fulfilled: return "accomplie"
            case .fulfilledLate: return "accomplie en retard"
            case .pending: return "à venir"
            case .late: return "en retard"
            case .undetermined: return "échéance indéterminée"
            }
        }
    }

    public var obligation: Obligation
    /// The deadline, resolved.
    public var dueDate: CalendarDate?
    /// When it was fulfilled, from the event named by the obligation.
    public var fulfilledOn: CalendarDate?
    public var state: State
}
