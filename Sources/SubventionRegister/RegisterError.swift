/// Why the register refused or failed (erreur du registre), in French, with the figures.
public enum RegisterError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A guard refused the entry (exit code 1): amount above the ceiling, mandat already recorded…
    case refused(String)
    /// The register file cannot be opened or read (exit code 2).
    case unreadable(String)
    /// A stored entry cannot be read back.
    case corrupt(String)

    public var description: String {
        switch self {
        case .refused(let message), .unreadable(let message), .corrupt(let message): return message
        }
    }
}
