/// A funded component (volet, part): not fungible with the others, with its own ceilings.
public struct Component: Hashable, Sendable {
    /// Key used by bilans and reports (`volet-1`, `personnel`).
    public var id: String
    public var label: String
    public var basis: FundingBasis
    /// Ceilings applied at settlement, in order.
    public var limits: [Limit]
    /// The amount the document writes for this component, when it writes one, checked against the basis.
    public var writtenAmount: WrittenFigure?
    /// Other places where the document writes this component's amount (possibly differently).
    public var writtenElsewhere: [WrittenFigure]
    /// Rounding for this component's products, when the document rounds differently from the convention.
    public var rounding: RoundingPolicy?
    public var clause: Clause?
    /// The budget line of this component (imputation budgétaire), when it differs from the convention's.
    public var imputation: Imputation? = nil
    /// In a co-financed convention, the financeur (``Cofinancer/id``) that funds it.
    public var financeur: String? = nil

    public init(
        id: String, label: String, basis: FundingBasis, limits: [Limit] = [], writtenAmount: WrittenFigure? = nil,
        writtenElsewhere: [WrittenFigure] = [], rounding: RoundingPolicy? = nil, clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.basis = basis
        self.limits = limits
        self.writtenAmount = writtenAmount
        self.writtenElsewhere = writtenElsewhere
        self.rounding = rounding
        self.clause = clause
    }
}
