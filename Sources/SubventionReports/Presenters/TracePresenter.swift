import SubventionCore

/// Presents the steps of a computation, each citing its clause.
public enum TracePresenter {
    public static func json(_ step: TraceStep) -> JSONValue {
        .object([
            ("texte", .string(step.text)), ("montant", .money(step.amount)), ("sujet", .text(step.subject)),
            ("source", step.clause.json), ("ligne", .string(step.description)),
        ])
    }
}
