/// Where a payment is charged in the financeur's budget (imputation budgétaire).
///
/// The code opération (`C02-446A05`) identifies the budget line and its autorisation d'engagement; the account
/// (`6568/93446`, nature/fonction) and the label are given by the budget file, and may be repeated by a convention
/// to be checked against it.
public struct Imputation: Hashable, Sendable {
    /// The code opération (« Code opération »): `C02-446A05`.
    public var code: String
    /// The imputation budgétaire (nature/fonction): `6568/93446`.
    public var account: String?
    /// The libellé opération: « Indemnisation des organismes référents ».
    public var label: String?

    public init(code: String, account: String? = nil, label: String? = nil) {
        self.code = code
        self.account = account
        self.label = label
    }
}
