/// Something a party must do by a date: send the bilan, the accounts, process the file…
public struct Obligation: Hashable, Sendable {
    public var id: String
    public var label: String
    public var party: Party
    public var due: DateRule
    /// The event whose date fulfils the obligation (`bilan-recu`), when one does.
    public var fulfilledBy: String?
    /// What happens when it is not met (« reversement partiel voire total »).
    public var consequence: String?
    public var clause: Clause?

    public init(
        id: String, label: String, party: Party, due: DateRule, fulfilledBy: String? = nil,
        consequence: String? = nil, clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.party = party
        self.due = due
        self.fulfilledBy = fulfilledBy
        self.consequence = consequence
        self.clause = clause
    }
}
