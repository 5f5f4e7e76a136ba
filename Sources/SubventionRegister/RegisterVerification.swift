/// The result of `registre vérifier`: the chain recomputed from the first entry (vérification d'intégrité).
public struct RegisterVerification: Hashable, Sendable {
    /// Entries read.
    public var count = 0
    /// The first entry whose number, previous hash or content does not match, if any.
    public var firstBadEntry: Int64?
    /// Why, in French.
    public var problem: String?
    /// Append-only triggers dropped behind the tool's back.
    public var missingTriggers: [String] = []
    /// The hash of the last entry (to keep elsewhere: it seals everything before it).
    public var lastHash: String?

    public var isIntact: Bool { firstBadEntry == nil && missingTriggers.isEmpty }
}
