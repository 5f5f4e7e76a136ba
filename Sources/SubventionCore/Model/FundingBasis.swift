/// How a component's amount is funded: the conventional amount and, at settlement, the amount before ceilings.
public enum FundingBasis: Hashable, Sendable {
    /// A fixed amount (« 118 250 € », « 300 000 € »).
    case fixed(Money)
    /// A unit price times a conventional quantity (« 160 € par place × 130 places »).
    /// At settlement the conventional amount stands; prorata ceilings adjust it.
    case unitRate(price: UnitPrice, quantity: Quantity)
    /// A share of a real cost given by the bilan (« 40,97 % des coûts réels constatés »),
    /// the cost itself first capped by `costLimits` (« pour un montant maximum de 1 607 669 € »).
    /// `plannedCost` is the cost the convention budgets, used for the conventional amount.
    case costShare(rate: Rational, costInput: String, plannedCost: Money?, costLimits: [Limit])
    /// An envelope of justified spending (« enveloppe d'un montant maximum de 10 000 €,
    /// justifiée avant le 31 décembre »): only the justifications dated by `justifiedBy` count.
    case envelope(maximum: Money, justifiedBy: DateRule?)
}
