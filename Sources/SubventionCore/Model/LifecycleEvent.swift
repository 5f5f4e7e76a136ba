/// The events of a convention's life (« vie de la convention »): relances, mises en demeure, résiliation,
/// suspension. Bilan files (and the register) give their dates under these names, like every other event.
public enum LifecycleEvent: String, Hashable, Sendable, CaseIterable {
    /// A relance sent to the defaulting party.
    case reminderSent = "relance-envoyee"
    /// A mise en demeure (lettre recommandée) sent.
    case formalNoticeSent = "mise-en-demeure-envoyee"
    /// A mise en demeure received by the defaulting party (avis de réception).
    case formalNoticeReceived = "mise-en-demeure-recue"
    /// The mise en demeure was followed by effect: no résiliation for breach follows it.
    case formalNoticeLifted = "mise-en-demeure-levee"
    /// A résiliation asked (letter sent by the party that asks or decides it).
    case terminationRequested = "resiliation-demandee"
    /// A résiliation notified: its letter received by the other party.
    case terminationNotified = "resiliation-notifiee"
    /// A résiliation de plein droit, without notice (faillite, déclaration inexacte, intérêt général), notified.
    case automaticTerminationNotified = "resiliation-de-plein-droit"
    /// The date the letter asks the résiliation (or the cessation of the action) to take effect.
    case terminationDateAsked = "resiliation-date-souhaitee"
    /// Suspension of the payments notified.
    case suspensionNotified = "suspension-notifiee"
    /// Suspension lifted.
    case suspensionLifted = "suspension-levee"

    /// French label for explanations.
    public var frenchLabel: String {
        switch self {
        case .reminderSent: return "l'envoi de la relance"
        case .formalNoticeSent: return "l'envoi de la mise en demeure"
        case .formalNoticeReceived: return "la réception de la mise en demeure"
        case .formalNoticeLifted: return "la levée de la mise en demeure"
        case .terminationRequested: return "l'envoi de la demande de résiliation"
        case .terminationNotified: return "la réception de la notification de résiliation"
        case .automaticTerminationNotified: return "la notification de la résiliation de plein droit"
        case .terminationDateAsked: return "la date d'effet demandée"
        case .suspensionNotified: return "la notification de la suspension"
        case .suspensionLifted: return "la levée de la suspension"
        }
    }
}
