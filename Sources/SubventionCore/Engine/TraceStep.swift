/// One step of a computation, in French, with the clause it applies and the amount it produces.
///
/// « Article 3.3 — premier versement de 80 % de 60 000,00 € à réception de la convention signée : 48 000,00 € »
public struct TraceStep: Hashable, Sendable, CustomStringConvertible {
    public var clause: Clause?
    /// What was computed, in French.
    public var text: String
    /// The amount the step produces, when it produces one.
    public var amount: Money?
    /// The component or installment the step belongs to, when any.
    public var subject: String?

    public init(clause: Clause?, text: String, amount: Money? = nil, subject: String? = nil) {
        self.clause = clause
        self.text = text
        self.amount = amount
        self.subject = subject
    }

    public var description: String {
        let citation = clause.map { "\($0) — " } ?? ""
        let result = amount.map { " : \($0.french)" } ?? ""
        return citation + text + result
    }
}
