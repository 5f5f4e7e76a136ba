/// An avenant: from its effective date, it replaces the total, the components, the installments
/// or the settlement terms of the convention it amends (what it leaves out stays as it was).
public struct Amendment: Hashable, Sendable {
    public var id: String
    public var label: String
    /// From when the avenant applies.
    public var effective: CalendarDate
    public var declaredTotal: WrittenFigure?
    public var components: [Component]?
    public var installments: [Installment]?
    public var settlement: SettlementTerms?
    public var clause: Clause?

    public init(
        id: String, label: String, effective: CalendarDate, declaredTotal: WrittenFigure? = nil,
        components: [Component]? = nil, installments: [Installment]? = nil, settlement: SettlementTerms? = nil,
        clause: Clause? = nil
    ) {
        self.id = id
        self.label = label
        self.effective = effective
        self.declaredTotal = declaredTotal
        self.components = components
        self.installments = installments
        self.settlement = settlement
        self.clause = clause
    }
}
