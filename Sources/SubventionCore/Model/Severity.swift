/// How serious a finding is.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case info
    case warning
    case error

    public var frenchLabel: String {
        switch self {
        case .info: return "info"
        case .warning: return "avertissement"
        case .error: return "erreur"
        }
    }

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
