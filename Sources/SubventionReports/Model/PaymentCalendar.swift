import SubventionCore

/// Every amount of a portfolio's échéanciers placed in time: per month what was paid, what fell due and is not
/// paid (échu), what is to come; and the amounts without a date, with the condition that will date them.
///
/// Built by ``init(lines:)``, which sums with overflow checks: échu + à venir + sans date = the reste à payer of
/// the lines, versé = their paid amounts.
public struct PaymentCalendar: Sendable {
    /// One month of the calendar.
    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        /// Already paid.
        public var paid: Money
        /// To come (à venir): dated in this month, not yet due or waiting for its condition.
        public var due: Money
        /// Fell due in this month and is still not paid (échu).
        public var overdue: Money

        public init(year: Int, month: Int, paid: Money, due: Money, overdue: Money = .zero) {
            self.year = year
            self.month = month
            self.paid = paid
            self.due = due
            self.overdue = overdue
        }

        /// `2025-03`.
        public var key: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
        /// `mars 2025`.
        public var label: String {
            String(CalendarDate(year: year, month: month, day: 2).map { $0.frenchLong.dropFirst(2) } ?? Substring(key))
        }
    }

    /// An amount without a date, and what it waits for (« en attente de réception du bilan »).
    public struct Undated: Sendable {
        public var condition: String
        public var amount: Money
        /// Payable already (its condition is met) but with no date known: counted as échu.
        public var isOverdue: Bool

        public init(condition: String, amount: Money, isOverdue: Bool = false) {
            self.condition = condition
            self.amount = amount
            self.isOverdue = isOverdue
        }
    }

    public var months: [Month]
    /// Unpaid amounts without a date, one per condition, in the order conditions first appear.
    public var undated: [Undated]
    /// Paid amounts whose payment date is not known.
    public var paidWithoutDate: Money
    /// Σ paid (dated or not), Σ échu (dated or not), Σ à venir in the months, Σ sans date not yet due.
    public var totalPaid: Money
    public var totalOverdue: Money
    public var totalDue: Money
    public var totalUndated: Money
    /// Σ à venir, dated or not.
    public var totalToCome: Money

    /// - Throws: ``ArithmeticError`` when a sum overflows.
    public init(months: [Month], undated: [Undated] = [], paidWithoutDate: Money = .zero) throws {
        self.months = months
        self.undated = undated
        self.paidWithoutDate = paidWithoutDate
        totalPaid = try (months.map(\.paid) + [paidWithoutDate]).sum()
        totalOverdue = try (months.map(\.overdue) + undated.filter(\.isOverdue).map(\.amount)).sum()
        totalDue = try months.map(\.due).sum()
        totalUndated = try undated.filter { !$0.isOverdue }.map(\.amount).sum()
        totalToCome = try totalDue + totalUndated
    }

    /// The reste à payer the calendar holds: échu + à venir + sans date.
    public func remaining() throws -> Money { try totalOverdue + totalToCome }

    /// Places each line at its month, or among the undated amounts; months in order.
    /// - Throws: ``ArithmeticError`` when a sum overflows.
    public init(lines: [PositionLine]) throws {
        var months: [Int: Month] = [:]
        var undated: [Undated] = []
        var paidWithoutDate = Money.zero
        func addUndated(_ condition: String, _ amount: Money, overdue: Bool) throws {
            if let index = undated.firstIndex(where: { $0.condition == condition && $0.isOverdue == overdue }) {
                undated[index].amount = try undated[index].amount + amount
            } else {
                undated.append(Undated(condition: condition, amount: amount, isOverdue: overdue))
            }
        }
        for line in lines {
            switch line.state {
            case .undated(let awaiting, let reason):
                try addUndated(PositionLine.State.condition(awaiting, reason: reason), line.amount, overdue: false)
            case .paid(nil):
                paidWithoutDate = try paidWithoutDate + line.amount
            case .overdue(nil):
                try addUndated("exigible, date inconnue", line.amount, overdue: true)
            case .paid(let date?), .overdue(let date?), .upcoming(let date, _):
                let key = date.year * 100 + date.month
                var month = months[key] ?? Month(year: date.year, month: date.month, paid: .zero, due: .zero)
                switch line.state {
                case .paid: month.paid = try month.paid + line.amount
                case .overdue: month.overdue = try month.overdue + line.amount
                default: month.due = try month.due + line.amount
                }
                months[key] = month
            }
        }
        try self.init(
            months: months.keys.sorted().compactMap { months[$0] }, undated: undated, paidWithoutDate: paidWithoutDate)
    }
}
