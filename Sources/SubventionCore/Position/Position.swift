/// Where a convention (or one row of a programme) stands at a date (situation): montant conventionné, versé, dû,
/// reste à payer, à reverser, and every amount of its échéancier as paid, échu, à venir or sans date.
///
/// Invariants, checked by property tests over generated conventions:
/// - `due − paid = remaining − reversement + notPayable`;
/// - the unpaid lines sum to `remaining`, the paid lines to `paid`.
public struct Position: Hashable, Sendable {
    /// The montant conventionné (the printed amount for a programme row).
    public var total: Money
    /// What was paid: the bilan's payments and the installments the document states as paid.
    public var paid: Money
    /// The dotation due: the settlement's when the bilan allows it, else the montant conventionné (prévisionnel).
    public var due: Money
    /// Still to pay (reste à payer).
    public var remaining: Money
    /// To claim back (à reverser, titre de recettes).
    public var reversement: Money
    /// Owed by the computation but above the solde ceiling: never paid.
    public var notPayable: Money
    /// The settlement, when the bilan gives every figure it needs.
    public var settlement: Settlement?
    /// Why the position is a forecast (prévisionnel) rather than a settlement: the engine's refusal, in French.
    public var forecastReason: String?
    /// The échéancier, when it can be computed (a model's avance may not be fixed yet).
    public var schedule: Schedule?
    /// Paid and unpaid amounts of the échéancier, in order.
    public var lines: [PositionLine]
    public var obligations: [ObligationStatus]

    /// Whether the figures come from a settlement on a bilan (`bilan`) rather than the convention alone.
    public var isSettled: Bool { settlement != nil }
}
