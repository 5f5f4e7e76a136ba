import SubventionCore

/// What a report says of the register it read (en-tête) : « Registre : subvention.sqlite, 42 écritures, dernière le
/// 12/03/2026 ».
public struct RegisterSummary: Hashable, Sendable {
    public var path: String
    public var count: Int
    public var last: RegisterEntry?

    /// The header line of reports.
    public var french: String {
        var text = "Registre : \(path), \(count) écriture\(count > 1 ? "s" : "")"
        if let date = last?.recordedOn { text += ", dernière le \(date.frenchShort)" }
        return text
    }
}
