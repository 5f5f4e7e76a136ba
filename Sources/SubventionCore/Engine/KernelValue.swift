/// An input of the settlement kernel: an amount in cents (`numerator`, denominator 1) or an exact quantity
/// (`numerator / denominator`). A denominator of 0 means the value is missing.
public struct KernelValue: Hashable, Sendable {
    public var numerator: Int64
    public var denominator: Int64

    public init(numerator: Int64, denominator: Int64 = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// An amount.
    public init(_ amount: Money) {
        self.init(numerator: amount.cents)
    }

    /// A quantity (its unit is checked when the kernel's inputs are laid out, not per row).
    public init(_ quantity: Rational) {
        self.init(numerator: quantity.numerator, denominator: quantity.denominator)
    }

    /// A missing value.
    public static let missing = KernelValue(numerator: 0, denominator: 0)
}
