/// The unit an amount is rounded to: the cent (« au centime ») or the whole euro (« à l'euro »).
public enum RoundingUnit: String, CaseIterable, Hashable, Sendable, Codable {
    case cent
    case euro

    /// The unit expressed in cents.
    public var cents: Int64 {
        switch self {
        case .cent: return 1
        case .euro: return 100
        }
    }

    /// French label used in explanations.
    public var frenchLabel: String {
        switch self {
        case .cent: return "au centime"
        case .euro: return "à l'euro"
        }
    }
}
