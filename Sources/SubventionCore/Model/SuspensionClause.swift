/// The funder may suspend its payments (« suspendre les contributions financières »), possibly after letting the
/// beneficiary answer within a delay.
public struct SuspensionClause: Hashable, Sendable {
    public var label: String
    /// The delay the beneficiary has to make observations, counted from `suspension-notifiee`, when written.
    public var observationDelay: NoticeDelay?
    public var clause: Clause?

    public init(label: String, observationDelay: NoticeDelay? = nil, clause: Clause? = nil) {
        self.label = label
        self.observationDelay = observationDelay
        self.clause = clause
    }
}
