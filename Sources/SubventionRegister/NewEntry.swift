import SubventionCore

/// An entry about to be recorded: everything but its sequence number, timestamp, author and hashes, which the
/// register gives it when it appends it (écriture à enregistrer).
public struct NewEntry: Hashable, Sendable {
    public var kind: EntryKind
    /// The convention (or programme) id.
    public var convention: String
    /// The échéance of a versement, when it names one.
    public var installment: String?
    /// The structure and operation of a programme row.
    public var structure: String?
    public var operation: String?
    public var amount: Money?
    public var date: CalendarDate?
    /// The numéro de mandat of a versement, or the numéro of a titre de recettes.
    public var number: String?
    /// The exercice (budget year).
    public var fiscalYear: Int?
    /// The imputation budgétaire, as written by the accounting service.
    public var imputation: String?
    /// Why: the motif of an annulation or of a dépassement.
    public var motif: String?
    /// What the kind needs besides: the event name, the realised values… (see ``EntryPayload``).
    public var payload: EntryPayload

    public init(
        kind: EntryKind, convention: String, installment: String? = nil, structure: String? = nil,
        operation: String? = nil, amount: Money? = nil, date: CalendarDate? = nil, number: String? = nil,
        fiscalYear: Int? = nil, imputation: String? = nil, motif: String? = nil, payload: EntryPayload = EntryPayload()
    ) {
        self.kind = kind
        self.convention = convention
        self.installment = installment
        self.structure = structure
        self.operation = operation
        self.amount = amount
        self.date = date
        self.number = number
        self.fiscalYear = fiscalYear
        self.imputation = imputation
        self.motif = motif
        self.payload = payload
    }
}
