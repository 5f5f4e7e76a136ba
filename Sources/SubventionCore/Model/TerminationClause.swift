/// A way the convention can end early (« résiliation »), with its delay and what it counts from.
///
/// « La résiliation prend effet un mois franc après la réception de sa notification » becomes
/// `ground: .breach, delay: 1 mois franc, anchor: resiliation-notifiee`.
public struct TerminationClause: Hashable, Sendable {
    /// Why the convention ends.
    public enum Ground: String, Hashable, Sendable, CaseIterable {
        /// At the request of a party (« à la demande de l'une ou l'autre des parties », abandon, cessation).
        case request = "demande"
        /// For breach, after a mise en demeure that stayed without effect (« restée sans effet »).
        case breach = "manquement"
        /// De plein droit, without notice (« sans préavis »: faillite, déclaration inexacte).
        case automatic = "plein-droit"

        public var frenchLabel: String {
            switch self {
            case .request: return "résiliation à la demande"
            case .breach: return "résiliation pour manquement"
            case .automatic: return "résiliation de plein droit"
            }
        }
    }

    /// Another reading of an ambiguous clause, declared in the file and chosen by name (`lectures:` of a scenario).
    public struct Reading: Hashable, Sendable {
        public var id: String
        /// The delay under this reading, when it differs.
        public var delay: NoticeDelay?
        /// The event counted from under this reading, when it differs (sending vs receipt).
        public var anchor: String?
        /// Why the document allows this reading.
        public var reason: String?

        public init(id: String, delay: NoticeDelay? = nil, anchor: String? = nil, reason: String? = nil) {
            self.id = id
            self.delay = delay
            self.anchor = anchor
            self.reason = reason
        }
    }

    public var id: String
    public var label: String
    public var ground: Ground
    /// The delay; `nil` for a résiliation that takes effect on the anchor's date (« sans préavis »).
    public var delay: NoticeDelay?
    /// The event the delay counts from (`resiliation-notifiee`, `mise-en-demeure-envoyee`…).
    public var anchor: String
    /// « Au plus tôt »: the effect is the later of the date asked (`resiliation-date-souhaitee`) and the end of
    /// the delay; the notice must then be given by the date asked minus the delay.
    public var earliest: Bool
    /// Whether this clause is the one retained when several clauses of the same ground apply (the others are
    /// readings of the document, selectable by their id).
    public var retained: Bool
    /// The other readings of this clause.
    public var readings: [Reading]
    public var clause: Clause?

    public init(
        id: String, label: String, ground: Ground, delay: NoticeDelay?, anchor: String, earliest: Bool = false,
        retained: Bool = true, readings: [Reading] = [], clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.ground = ground
        self.delay = delay
        self.anchor = anchor
        self.earliest = earliest
        self.retained = retained
        self.readings = readings
        self.clause = clause
    }
}
