/// A deadline every month on a ranked working weekday: « au plus tard le 3ème vendredi ouvré du mois ».
public struct MonthlyDeadline: Hashable, Sendable {
    public var id: String
    public var label: String
    /// 1 for the first, 3 for « le 3ème ».
    public var rank: Int
    public var weekday: Weekday
    public var clause: Clause?

    public init(id: String, label: String, rank: Int, weekday: Weekday, clause: Clause? = nil) {
        self.id = id
        self.label = label
        self.rank = rank
        self.weekday = weekday
        self.clause = clause
    }

    /// The deadline in a month; `nil` when the month has fewer such working days.
    public func date(year: Int, month: Int) -> CalendarDate? {
        CalendarDate.nthWorkingWeekday(rank, weekday, year: year, month: month)
    }
}
