/// The clauses on the life of a convention (« vie de la convention »): résiliations and their delays, suspension,
/// monthly deadlines, and the money that follows a résiliation.
public struct LifecycleTerms: Hashable, Sendable {
    public var terminations: [TerminationClause]
    public var suspension: SuspensionClause?
    public var monthlyDeadlines: [MonthlyDeadline]
    /// What follows a résiliation; `nil` when the file does not say (the checker reports it).
    public var consequence: TerminationConsequence?

    public init(
        terminations: [TerminationClause] = [], suspension: SuspensionClause? = nil,
        monthlyDeadlines: [MonthlyDeadline] = [], consequence: TerminationConsequence? = nil
    ) {
        self.terminations = terminations
        self.suspension = suspension
        self.monthlyDeadlines = monthlyDeadlines
        self.consequence = consequence
    }

    /// Whether the file declares nothing about the convention's life.
    public var isEmpty: Bool {
        terminations.isEmpty && suspension == nil && monthlyDeadlines.isEmpty && consequence == nil
    }

    /// The events these clauses count from, for the convention's vocabulary.
    public var eventNames: Set<String> {
        var names = Set(LifecycleEvent.allCases.map(\.rawValue))
        for termination in terminations {
            names.insert(termination.anchor)
            for reading in termination.readings { if let anchor = reading.anchor { names.insert(anchor) } }
        }
        return names
    }
}
