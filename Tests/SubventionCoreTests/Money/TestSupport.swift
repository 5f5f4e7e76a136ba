@testable import SubventionCore

/// Parses a French amount in a test; the text is a literal the test author controls.
func euros(_ text: String) throws -> Money { try Money(parsing: text) }

/// Parses a percentage in a test.
func percent(_ text: String) throws -> Rational { try Rational(parsingPercentage: text) }

/// Replaces ASCII spaces by the no-break spaces the formatter emits, so expectations read naturally.
func nbsp(_ text: String) -> String { text.replacingSpaces() }

extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? Money.frenchSpace : $0 }) }
}
