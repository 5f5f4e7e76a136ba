/// An event that makes an installment payable; bilans give the date each event happened.
public enum TriggerEvent: String, Hashable, Sendable, CaseIterable {
    /// Signature of the convention (by both parties when the document says so).
    case signature
    /// Notification of the convention to the beneficiary.
    case notification
    /// Reception of the convention signed by both parties.
    case signedConventionReceived = "convention-signee-recue"
    /// Signature of an avenant.
    case amendmentSigned = "avenant-signe"
    /// Reception of the bilan (final, annual) by the funder.
    case bilanReceived = "bilan-recu"
    /// A written request of the beneficiary (demande écrite, appel de fonds).
    case writtenRequest = "demande-ecrite"

    /// French label for schedules and explanations.
    public var frenchLabel: String {
        switch self {
        case .signature: return "signature de la convention"
        case .notification: return "notification de la convention"
        case .signedConventionReceived: return "réception de la convention signée"
        case .amendmentSigned: return "signature de l'avenant"
        case .bilanReceived: return "réception du bilan"
        case .writtenRequest: return "demande écrite du bénéficiaire"
        }
    }
}
