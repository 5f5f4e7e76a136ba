/// The domain of a bilan input (« entrée du bilan »), checked in one place for both settlement paths: the traced
/// path (``CompiledConvention/inputSlots(_:)``) and the integer kernel (``SettlementKernel``) call the same
/// functions, so a value refused by one is refused by the other with the same message.
///
/// - An amount is a whole number of cents, ≥ 0 (a reversement is a result, never an input).
/// - A quantity is an exact fraction with a positive denominator, ≥ 0, in the input's unit.
extension InputDeclaration {
    /// `value` checked against this declaration and written as the kernel reads it.
    /// - Throws: ``EngineError/inputMismatch(key:expected:found:)`` for a wrong kind, a wrong unit or a negative value.
    package func kernelValue(_ value: InputValue) throws(EngineError) -> KernelValue {
        switch (kind, value) {
        case (.money, .money(let amount)):
            let written = KernelValue(amount)
            try checkDomain(written)
            return written
        case (.quantity(let unit), .quantity(let quantity)) where quantity.unit == unit:
            let written = KernelValue(quantity.value)
            try checkDomain(written)
            return written
        default:
            throw .inputMismatch(key: key, expected: kind.frenchDescription, found: "\(value)")
        }
    }

    /// Checks a kernel value against this declaration; a missing value (denominator 0) passes, it is reported by
    /// the step that needs it, with that step's component.
    /// - Throws: ``EngineError/inputMismatch(key:expected:found:)``.
    @inline(__always)
    package func checkDomain(_ value: KernelValue) throws(EngineError) {
        guard !value.isWithinDomain(money: kind == .money) else { return }
        throw domainError(value)
    }

    /// The error for a value outside the domain (kept out of line: the check above is on every row).
    func domainError(_ value: KernelValue) -> EngineError {
        switch kind {
        case .money:
            guard value.denominator == 1 else {
                return .inputMismatch(key: key, expected: kind.frenchDescription, found: "\(value.numerator)/\(value.denominator)")
            }
            return .inputMismatch(key: key, expected: "un montant positif ou nul", found: Money(cents: value.numerator).french)
        case .quantity(let unit):
            // Optional lookup: the value's writing in the message; without it the message shows the raw fraction.
            guard value.denominator > 0, let rational = try? Rational(value.numerator, value.denominator) else {
                return .inputMismatch(key: key, expected: kind.frenchDescription, found: "\(value.numerator)/\(value.denominator)")
            }
            return .inputMismatch(key: key, expected: "une quantité positive ou nulle", found: "\(Quantity(rational, unit))")
        }
    }
}

extension KernelValue {
    /// Whether the value is missing or within an input's domain: an amount is a whole number of cents ≥ 0, a
    /// quantity a fraction ≥ 0 with a positive denominator. The one test behind ``InputDeclaration/checkDomain(_:)``.
    @inline(__always)
    package func isWithinDomain(money: Bool) -> Bool {
        denominator == 0 || (numerator >= 0 && (money ? denominator == 1 : denominator > 0))
    }
}
