/// What a convention's essential data (données essentielles, décret n° 2017-779) needs beyond its terms: the
/// identifiers of both parties, the date of the convention, the decision, the nature of the aid.
///
/// Every value is optional in the file: an export that needs one that is missing says which (it never invents
/// one). Names default to the convention's `financeur` and `beneficiaire`.
public struct Publication: Hashable, Sendable {
    /// The nature of the aid (nature de l'aide).
    public enum Nature: String, Hashable, Sendable, CaseIterable {
        case cash = "aide en numéraire"
        case inKind = "aide en nature"
        case cashAndInKind = "aide en numéraire;aide en nature"
        case inKindAndCash = "aide en nature;aide en numéraire"
    }

    /// The identifiers of one beneficiary of a programme (a structure of its table), by structure name.
    public struct Beneficiary: Hashable, Sendable {
        public var siret: SIRET?
        public var rna: RNA?
        /// The date this structure's convention was signed, when it differs from the programme's.
        public var conventionDate: CalendarDate?

        public init(siret: SIRET? = nil, rna: RNA? = nil, conventionDate: CalendarDate? = nil) {
            self.siret = siret
            self.rna = rna
            self.conventionDate = conventionDate
        }
    }

    /// Payment dates (dates ou période de versement): one date, or the first and the last.
    public struct PaymentDates: Hashable, Sendable {
        public var first: CalendarDate
        public var last: CalendarDate

        public init(first: CalendarDate, last: CalendarDate) {
            self.first = first
            self.last = last
        }

        /// `2024-06-01`, or `2024-06-01/2025-06-30`.
        public var iso: String { first == last ? first.iso : "\(first.iso)/\(last.iso)" }
    }

    /// The granting body's official name (nom de l'attribuant), when it differs from `financeur`.
    public var grantorName: String?
    /// The SIRET of the granting body (identifiant de l'attribuant).
    public var grantorSIRET: SIRET?
    /// The beneficiary's SIRET (identifiant du bénéficiaire).
    public var beneficiarySIRET: SIRET?
    /// The beneficiary's RNA number (associations).
    public var beneficiaryRNA: RNA?
    /// The date of the convention (date de la convention, its signature).
    public var conventionDate: CalendarDate?
    /// The decision's reference (référence de la décision): `CP 2023-216`.
    public var decisionReference: String?
    public var nature: Nature?
    /// How it is paid (conditions de versement), in at most 256 characters.
    public var paymentConditions: String?
    /// When it is paid, when the échéancier alone does not date every payment.
    public var paymentDates: PaymentDates?
    /// The identifier in the répertoire des aides aux entreprises (idRAE), at most 5 characters.
    public var raeID: String?
    /// Whether the aid was notified to the European Commission (notification UE).
    public var notifiedToEU: Bool?
    /// The aid scheme (dispositif d'aide).
    public var aidScheme: String?
    /// For a programme: each structure's identifiers, by the structure's name in the table.
    public var beneficiaries: [String: Beneficiary]

    public init(
        grantorName: String? = nil, grantorSIRET: SIRET? = nil, beneficiarySIRET: SIRET? = nil,
        beneficiaryRNA: RNA? = nil, conventionDate: CalendarDate? = nil, decisionReference: String? = nil,
        nature: Nature? = nil, paymentConditions: String? = nil, paymentDates: PaymentDates? = nil,
        raeID: String? = nil, notifiedToEU: Bool? = nil, aidScheme: String? = nil, beneficiaries: [String: Beneficiary] = [:]
    ) {
        self.grantorName = grantorName
        self.grantorSIRET = grantorSIRET
        self.beneficiarySIRET = beneficiarySIRET
        self.beneficiaryRNA = beneficiaryRNA
        self.conventionDate = conventionDate
        self.decisionReference = decisionReference
        self.nature = nature
        self.paymentConditions = paymentConditions
        self.paymentDates = paymentDates
        self.raeID = raeID
        self.notifiedToEU = notifiedToEU
        self.aidScheme = aidScheme
        self.beneficiaries = beneficiaries
    }
}
