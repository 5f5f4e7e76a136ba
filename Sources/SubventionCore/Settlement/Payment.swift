/// A payment already made to the beneficiary.
public struct Payment: Hashable, Sendable {
    /// The installment it paid, when known (`acompte`).
    public var installment: String?
    public var amount: Money
    public var date: CalendarDate?

    public init(installment: String? = nil, amount: Money, date: CalendarDate? = nil) {
        self.installment = installment
        self.amount = amount
        self.date = date
    }
}
