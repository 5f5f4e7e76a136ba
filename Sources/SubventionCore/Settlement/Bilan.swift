/// What happened under a convention: event dates, realised figures, payments made, decisions.
///
/// The settlement reads it against the convention's declared inputs.
public struct Bilan: Hashable, Sendable {
    /// Dates of events by name (`signature`, `bilan-recu`, `relance`).
    public var events: [String: CalendarDate]
    /// Realised quantities and real costs by input key.
    public var values: [String: InputValue]
    /// Payments already made.
    public var payments: [Payment]
    /// A majoration decided (exceptional increase), when there is one.
    public var majoration: Money?
    /// Justified expenses of envelope components.
    public var justifications: [Justification]
    /// Amounts given per beneficiary for a model convention (the avance).
    public var parameters: [String: Money]

    public init(
        events: [String: CalendarDate] = [:], values: [String: InputValue] = [:], payments: [Payment] = [],
        majoration: Money? = nil, justifications: [Justification] = [], parameters: [String: Money] = [:]
    ) {
        self.events = events
        self.values = values
        self.payments = payments
        self.majoration = majoration
        self.justifications = justifications
        self.parameters = parameters
    }
}
