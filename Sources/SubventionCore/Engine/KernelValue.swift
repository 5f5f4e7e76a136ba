/// An input of the settlement kernel: an amount in cents (`numerator`, denominator 1) or an exact quantity
/// (`numerator / denominator`). A denominator of 0 means the value is missing.
///
/// Trivially copyable: the kernel reads it from buffers with no reference counting.
package struct KernelValue: Hashable, Sendable, BitwiseCopyable {
    package var numerator: Int64
    package var denominator: Int64

    package init(numerator: Int64, denominator: Int64 = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// An amount.
    package init(_ amount: Money) {
        self.init(numerator: amount.cents)
    }

    /// A quantity (its unit is checked when the kernel's inputs are laid out, not per row).
    package init(_ quantity: Rational) {
        self.init(numerator: quantity.numerator, denominator: quantity.denominator)
    }

    /// A missing value.
    package static let missing = KernelValue(numerator: 0, denominator: 0)

    /// Whether the value is missing (denominator 0).
    package var isMissing: Bool { denominator == 0 }
}
