/// The period a convention covers, both days included.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    public var description: String { "du \(start.frenchShort) au \(end.frenchShort)" }
}
