/// What money follows a résiliation, as the document writes it.
public struct TerminationConsequence: Hashable, Sendable {
    /// The kinds of consequence.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Reversement of the unused or unjustified part: due = the justified use of the funds, within what the
        /// convention would have paid (« les sommes indûment perçues », « utilisation partielle des fonds »).
        case unusedPart = "part-non-utilisee"
        /// Reversement of everything paid (« remboursement total »).
        case everything = "totalite"
        /// None written: nothing more is paid, nothing is claimed beyond what the convention would not have paid.
        case noneWritten = "aucune-ecrite"
    }

    public var kind: Kind
    /// The money input of the bilan that gives the justified use of the funds (« emploi des fonds justifié »),
    /// for ``Kind/unusedPart``; without one, the justified use is what the settlement computes from the bilan.
    public var justifiedUseInput: String?
    /// How the document names the claim (« titre de recettes », « reversement »).
    public var label: String
    public var clause: Clause?

    public init(kind: Kind, justifiedUseInput: String? = nil, label: String = "titre de recettes", clause: Clause? = nil) {
        self.kind = kind
        self.justifiedUseInput = justifiedUseInput
        self.label = label
        self.clause = clause
    }
}
