/// What the settlement asks for: a solde to pay, a reversement to claim, or nothing.
public enum SettlementOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The funder pays this solde.
    case solde(Money)
    /// The beneficiary must pay this back (reversement, titre de recettes).
    case reversement(Money)
    /// Paid exactly what is due.
    case settled

    public var description: String {
        switch self {
        case .solde(let amount): return "solde à verser de \(amount.french)"
        case .reversement(let amount): return "reversement à demander de \(amount.french)"
        case .settled: return "rien à verser ni à reverser"
        }
    }
}
