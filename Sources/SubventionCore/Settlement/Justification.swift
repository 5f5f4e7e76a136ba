/// A justified expense charged to an envelope component (« aides financières justifiées »).
public struct Justification: Hashable, Sendable {
    /// The envelope component it is charged to.
    public var component: String
    public var amount: Money
    /// When it was justified; compared with the envelope's deadline.
    public var date: CalendarDate
    public var label: String?

    public init(component: String, amount: Money, date: CalendarDate, label: String? = nil) {
        self.component = component
        self.amount = amount
        self.date = date
        self.label = label
    }
}
