/// What a date rule needs to become a date: the convention's period and the dated events of a bilan.
public struct DateContext: Sendable {
    public var period: Period?
    public var events: [String: CalendarDate]

    public init(period: Period?, events: [String: CalendarDate] = [:]) {
        self.period = period
        self.events = events
    }

    /// The date of an anchor, when known.
    public func date(of anchor: DateAnchor) -> CalendarDate? {
        switch anchor {
        case .periodStart: period?.start
        case .periodEnd: period?.end
        case .event(let name): events[name]
        }
    }
}
