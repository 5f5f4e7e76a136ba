/// A file that could not be loaded: every diagnostic found in it, errors first in file order.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The file was read, but contradicts the convention it was read against (a bilan naming an event, an input or
    /// an installment the convention does not know): the computation is refused (exit 1), the file is not unreadable.
    public var contradictsConvention = false

    public init(_ diagnostics: [Diagnostic], contradictsConvention: Bool = false) {
        self.diagnostics = diagnostics
        self.contradictsConvention = contradictsConvention
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
