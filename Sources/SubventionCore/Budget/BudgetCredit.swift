/// An amount of crédits de paiement (CP): an échéance planned by an échéancier, or a payment made (mandaté).
public struct BudgetCredit: Hashable, Sendable {
    /// What it pays (« Avance à la signature », « versement du 01/08/2024 »).
    public var label: String
    public var amount: Money
    /// When it is planned or was paid; `nil` when the échéancier gives no date yet (a trigger not yet reported).
    public var date: CalendarDate?
    /// The échéance (installment id) it is, or pays, when known.
    public var installment: String?

    public init(label: String, amount: Money, date: CalendarDate?, installment: String? = nil) {
        self.label = label
        self.amount = amount
        self.date = date
        self.installment = installment
    }

    /// The exercice budgétaire of the credit: the calendar year of its date, `nil` when undated.
    public var exercice: Int? { date?.year }
}
