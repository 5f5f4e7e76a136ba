/// A model convention (convention type) of a programme: the terms shared by every structure,
/// and the ceilings of the single component each structure's row gets.
public struct ConventionModel: Hashable, Sendable {
    /// The shared terms: installments, settlement, obligations, inputs, parameters; no components.
    public var terms: Convention
    /// Ceilings of the row's component; a prorata without objective uses the row's quantity.
    public var rowLimits: [Limit]

    public init(terms: Convention, rowLimits: [Limit]) {
        self.terms = terms
        self.rowLimits = rowLimits
    }
}
