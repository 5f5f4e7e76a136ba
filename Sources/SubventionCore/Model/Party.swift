/// Which side of a convention an obligation falls on.
public enum Party: String, Hashable, Sendable, CaseIterable {
    /// The funder: Département, État, FSL…
    case financeur
    /// The funded body: CCAS, association, PLIE, or the Département itself.
    case beneficiaire

    public var frenchLabel: String {
        switch self {
        case .financeur: return "financeur"
        case .beneficiaire: return "bénéficiaire"
        }
    }
}
