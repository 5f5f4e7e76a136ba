/// The structures-table row a model convention is applied to: its amount and quantity.
struct RowContext: Sendable {
    /// The row's funded amount (quantity × price, or the amount printed).
    let amount: Money
    /// The row's quantity, the objective of a row prorata.
    let quantity: Rational?
    /// How the amount was set, for explanations (« 130 places × 160 €/place »).
    let basis: String
}
