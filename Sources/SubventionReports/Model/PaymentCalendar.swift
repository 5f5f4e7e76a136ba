import SubventionCore

/// What falls due per month: paid, payable and waiting amounts, for the calendar chart and table.
public struct PaymentCalendar: Sendable {
    /// One month of the calendar.
    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        /// Already paid.
        public var paid: Money
        /// Payable or due, not paid yet.
        public var due: Money

        public init(year: Int, month: Int, paid: Money, due: Money) {
            self.year = year
            self.month = month
            self.paid = paid
            self.due = due
        }

        /// `2025-03`.
        public var key: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
        /// `mars 2025`.
        public var label: String {
            String(CalendarDate(year: year, month: month, day: 2).map { $0.frenchLong.dropFirst(2) } ?? Substring(key))
        }
    }

    public var months: [Month]

    public init(months: [Month]) {
        self.months = months
    }
}
