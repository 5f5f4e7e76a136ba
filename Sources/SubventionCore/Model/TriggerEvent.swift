/// An event that makes an installment payable (déclencheur); bilans give the date each event happened.
///
/// The common triggers are named constants (``signature``, ``bilanReceived``…). A trigger may also be an event of
/// another convention (convention liée, ``link``): « le rapport de la convention A conditionne le versement des
/// crédits de la convention B ». Its name is qualified, `convention-a/rapport-remis`, the name a bilan, a register
/// or `--what-if` dates it under. Two triggers are equal when their names are; the label is for people only.
public struct TriggerEvent: Hashable, Sendable, RawRepresentable {
    /// The name bilans date it under (`bilan-recu`, `convention-a/rapport-remis`).
    public let rawValue: String
    /// French label for schedules and explanations (« réception du bilan »).
    public var frenchLabel: String
    /// For an event of another convention, that convention and event.
    public var link: EventLink?

    private init(common name: String, label: String) {
        rawValue = name
        frenchLabel = label
        link = nil
    }

    /// A common trigger by name; nil for any other name.
    public init?(rawValue: String) {
        guard let common = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = common
    }

    /// The event `link.event` of the convention `link.convention`, under its qualified name.
    /// `label`: how people read it, « rapport d'activité de Convention A » when the other convention is known.
    public init(link: EventLink, label: String? = nil) {
        rawValue = link.qualifiedName
        frenchLabel = label ?? "« \(link.event) » de la convention « \(link.convention) »"
        self.link = link
    }

    public static func == (lhs: TriggerEvent, rhs: TriggerEvent) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Signature of the convention (by both parties when the document says so).
    public static let signature = TriggerEvent(common: "signature", label: "signature de la convention")
    /// Notification of the convention to the beneficiary.
    public static let notification = TriggerEvent(common: "notification", label: "notification de la convention")
    /// Reception of the convention signed by both parties.
    public static let signedConventionReceived = TriggerEvent(
        common: "convention-signee-recue", label: "réception de la convention signée")
    /// Signature of an avenant.
    public static let amendmentSigned = TriggerEvent(common: "avenant-signe", label: "signature de l'avenant")
    /// Reception of the bilan (final, annual) by the funder.
    public static let bilanReceived = TriggerEvent(common: "bilan-recu", label: "réception du bilan")
    /// A written request of the beneficiary (demande écrite, appel de fonds).
    public static let writtenRequest = TriggerEvent(common: "demande-ecrite", label: "demande écrite du bénéficiaire")

    /// The common triggers, every convention knows them.
    public static let allCases: [TriggerEvent] = [
        .signature, .notification, .signedConventionReceived, .amendmentSigned, .bilanReceived, .writtenRequest,
    ]
}
