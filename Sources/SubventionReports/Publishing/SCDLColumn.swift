/// The 16 columns of the SCDL « Subventions » 2.1.1 open-data format, in the order of the schema.
public enum SCDLColumn: String, Sendable, CaseIterable {
    case nomAttribuant, idAttribuant, dateConvention, referenceDecision, nomBeneficiaire, idBeneficiaire
    case rnaBeneficiaire, objet, montant, nature, conditionsVersement, datesPeriodeVersement, idRAE, notificationUE
    case pourcentageSubvention, dispositifAide

    /// The header row, exactly as the schema names the fields.
    public static let headers = allCases.map(\.rawValue)

    /// The column's place in the header, from 0.
    public var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The longest text the schema allows, when it sets one.
    public var maximumLength: Int? {
        switch self {
        case .objet, .conditionsVersement: return 256
        case .idRAE: return 5
        default: return nil
        }
    }
}
