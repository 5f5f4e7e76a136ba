/// A value well written but outside the domain its field allows (« -10 400 € » where an amount ≥ 0 is expected).
struct DomainError: Error, CustomStringConvertible {
    var text: String
    /// What the field allows, in French.
    var expected: String

    var description: String { "\(expected) est attendu, « \(text) » trouvé" }
}
