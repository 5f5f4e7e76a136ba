/// What a relative deadline counts from.
public enum DateAnchor: Hashable, Sendable, CustomStringConvertible {
    /// The first day of the convention's period (« à compter du début de l'action »).
    case periodStart
    /// The last day of the convention's period (« suivant la fin de l'action »).
    case periodEnd
    /// A dated event the bilan reports: `signature`, `bilan-recu`, `relance`…
    case event(String)

    /// Parses `debut-de-periode`, `fin-de-periode`, or any event name.
    public init(parsing text: String) throws(DateSyntaxError) {
        let name = String(text.trimmingSpaces)
        switch name {
        case "debut-de-periode": self = .periodStart
        case "fin-de-periode": self = .periodEnd
        default:
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw DateSyntaxError(
                    text: text, expected: "« debut-de-periode », « fin-de-periode » ou un nom d'événement")
            }
            self = .event(name)
        }
    }

    /// The name as written in convention files.
    public var name: String {
        switch self {
        case .periodStart: "debut-de-periode"
        case .periodEnd: "fin-de-periode"
        case .event(let name): name
        }
    }

    /// French words for explanations.
    public var description: String {
        switch self {
        case .periodStart: "le début de la période"
        case .periodEnd: "la fin de la période"
        case .event(let name): TriggerEvent(rawValue: name)?.frenchLabel ?? "l'événement « \(name) »"
        }
    }
}
