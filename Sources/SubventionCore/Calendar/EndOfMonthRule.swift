/// What adding months does when the day does not exist in the target month.
public enum EndOfMonthRule: String, Hashable, Sendable, CaseIterable {
    /// Clamp to the last day of the target month: 31/12/2025 + 2 mois = 28/02/2026;
    /// 30/04/2025 + 1 mois = 30/05/2025.
    case clamp = "ramener-a-la-fin-du-mois"
    /// Clamp, and keep a last day of month a last day of month: 30/04/2025 + 1 mois = 31/05/2025.
    case keepEndOfMonth = "garder-la-fin-du-mois"
}
