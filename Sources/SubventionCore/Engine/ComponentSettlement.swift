/// What one component is settled at: the amount before ceilings, the ceiling that bound, the amount due.
public struct ComponentSettlement: Hashable, Sendable {
    public var id: String
    public var label: String
    /// The conventional amount (plafond of the component in the schedule).
    public var conventional: Money
    /// The amount the basis gives before any ceiling.
    public var beforeLimits: Money
    /// The ceiling that set the amount due, when one did.
    public var bindingLimit: Limit?
    /// The amount due for the component.
    public var due: Money
}
