/// A ceiling (plafond) applied to an amount at settlement; the amount due is the minimum of all ceilings.
public struct Limit: Hashable, Sendable {
    /// How the ceiling is computed.
    public enum Kind: Hashable, Sendable {
        /// A fixed ceiling: « dans la limite de 60 000 € ».
        case amount(Money)
        /// A money input of the bilan, possibly times a share: « n'excède pas le coût de l'action »,
        /// « au maximum 50 % du coût de la mission ».
        case input(key: String, share: Rational)
        /// The conventional amount × realised / objective, the ratio capped at `maximumRatio`
        /// (« au prorata de la réalisation des objectifs »). A `nil` objective stands for the quantity of
        /// the structures-table row a model convention is applied to (see ``ConventionModel``).
        case prorata(realised: String, objective: Quantity?, maximumRatio: Rational)
        /// A unit price times a quantity input: « 60 000 € par ETP » × ETP deployed.
        case perUnit(price: UnitPrice, quantity: String)
    }

    public var kind: Kind
    /// French label (« plafond du volet 3 », « coût réel de l'action »).
    public var label: String
    public var clause: Clause?
    /// Where the file writes it (`file:line:column`), when it was read from a file.
    public var position: SourcePosition?

    public init(_ kind: Kind, label: String, clause: Clause? = nil, position: SourcePosition? = nil) {
        self.kind = kind
        self.label = label
        self.clause = clause
        self.position = position
    }
}
