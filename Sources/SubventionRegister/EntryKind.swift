/// The kind of a register entry (nature de l'écriture).
public enum EntryKind: String, Sendable, CaseIterable, Hashable {
    /// A payment to the beneficiary, with its numéro de mandat (versement).
    case payment = "versement"
    /// A dated event the convention declares: signature, bilan reçu, relance… (événement).
    case event = "evenement"
    /// A titre de recettes issued to claim an amount back (titre).
    case receiptOrder = "titre"
    /// Realised figures of a bilan, by input key (réalisations).
    case results = "realisations"
    /// A majoration decided (majoration).
    case majoration = "majoration"
    /// A justified expense of an envelope component (justificatif).
    case justification = "justificatif"
    /// An amount given for a model convention's parameter (paramètre, e.g. the avance).
    case parameter = "parametre"
    /// The reversal of an earlier entry, with a motif (annulation).
    case cancellation = "annulation"

    /// For people: `versement`, `événement`, `titre de recettes`…
    public var french: String {
        switch self {
        case .payment: return "versement"
        case .event: return "événement"
        case .receiptOrder: return "titre de recettes"
        case .results: return "réalisations"
        case .majoration: return "majoration"
        case .justification: return "justificatif"
        case .parameter: return "paramètre"
        case .cancellation: return "annulation"
        }
    }
}
