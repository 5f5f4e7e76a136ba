/// A figure the bilan must give for the settlement: a realised quantity, a real cost, ETP deployed…
public struct InputDeclaration: Hashable, Sendable {
    /// What kind of value the input holds.
    public enum Kind: Hashable, Sendable {
        /// An amount in euros (real costs, justified spending).
        case money
        /// A counted quantity in the given unit (places realised, ETP, file active).
        case quantity(QuantityUnit)
    }

    /// The key used by bilans (`cout-mission`, `places-realisees`).
    public var key: String
    /// French label for reports (« Coût réel de la mission »).
    public var label: String
    public var kind: Kind
    public var clause: Clause?

    public init(key: String, label: String, kind: Kind, clause: Clause? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.clause = clause
    }
}
