/// A convention compiled down to integer operations (« noyau entier »), for batches of millions of rows: the same
/// ceilings, prorata and rounding as ``CompiledConvention/settle(_:asOf:)``, without trace, strings or allocation
/// per row.
///
/// Built from a compiled convention; conventions with an envelope component (dated justifications) or a
/// majoration stay on the full path (`init` returns nil). Every product is rounded once under the component's
/// declared rounding, in 64-bit arithmetic when it fits and 128-bit otherwise: the figures are the full path's.
/// Inputs are checked by ``InputDeclaration/checkDomain(_:)``, the check of the full path.
///
/// The API is `package`: the library's public settlement is ``CompiledConvention``. The tables are read through a
/// ``Borrowed`` view that exists only inside ``withBorrowed(_:)`` (a non-escapable value: it cannot outlive the
/// call, so it cannot outlive the kernel).
///
/// ```swift
/// let kernel = try #require(SettlementKernel(compiled))
/// var values = kernel.emptyValues
/// values[kernel.slot("cout-mission")!] = KernelValue(Money(cents: 9_000_000))
/// let figures = try kernel.figures(values, paid: 4_800_000)   // due 4 500 000, reversement 300 000
/// ```
package struct SettlementKernel: Sendable {
    /// A ceiling as integers.
    enum Bound: Sendable, BitwiseCopyable {
        case amount(Int64)
        case input(slot: Int, numerator: Int64, denominator: Int64)
        case prorata(slot: Int, objective: KernelValue, maximum: KernelValue)
        case prorataOfRow(slot: Int, maximum: KernelValue)
        case perUnit(price: KernelValue, slot: Int)
    }

    /// A range of ``Tables/bounds``, as two integers (trivially copyable, unlike `Range`).
    struct Span: Sendable, BitwiseCopyable {
        let start: Int
        let end: Int
        static let empty = Span(start: 0, end: 0)
    }

    /// A component as integers; its ceilings are spans of the bounds table, so a part holds no reference and
    /// copying it costs no reference counting.
    struct Part: Sendable, BitwiseCopyable {
        /// The share of a cost input (`costSlot`), or nil for a conventional amount.
        let rate: KernelValue?
        let costSlot: Int
        let costBounds: Span
        let bounds: Span
        let conventional: Int64
        let rule: RoundingRule
        let unit: Int64
        /// The index of the component's id in ``Tables/subjects`` (messages only).
        let subject: Int
    }

    /// Owns the parts, bounds and input kinds that ``Borrowed`` points into; freed with the last copy of the kernel.
    ///
    /// Unchecked: the tables are written once, in `init`, and only read afterwards.
    final class Tables: @unchecked Sendable {
        let parts: UnsafeMutableBufferPointer<Part>
        /// Every ceiling of every part, then the total's.
        let bounds: UnsafeMutableBufferPointer<Bound>
        /// The declarations of the inputs, in slot order: their domain check and the messages about them.
        let inputs: [InputDeclaration]
        /// Per slot, whether the input is an amount (else a quantity).
        let moneySlots: UnsafeMutableBufferPointer<Bool>
        /// Component ids, then the convention's id (for the total's ceilings): the subject of messages.
        let subjects: [String]

        init(parts: [Part], bounds: [Bound], inputs: [InputDeclaration], subjects: [String]) {
            self.parts = Self.copy(parts)
            self.bounds = Self.copy(bounds)
            self.inputs = inputs
            moneySlots = Self.copy(inputs.map { $0.kind == .money })
            self.subjects = subjects
        }

        /// Copies `elements` into memory of their own; only trivially copyable elements, so that freeing the
        /// memory needs no deinitialisation and reading it no reference counting.
        static func copy<Element: BitwiseCopyable>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
            _ = buffer.initialize(from: elements)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<elements.count])
        }

        deinit {
            parts.deallocate()
            bounds.deallocate()
            moneySlots.deallocate()
        }
    }

    let tables: Tables
    let totalBounds: Span
    let soldeCeiling: Int64?
    let total: Int64
    let rule: RoundingRule
    let unit: Int64
    /// The index of the convention's id in ``Tables/subjects``.
    let totalSubject: Int

    /// Compiles `compiled`; nil when a component is an envelope or the convention allows a majoration.
    package init?(_ compiled: CompiledConvention) {
        guard compiled.convention.majoration == nil else { return nil }
        var parts: [Part] = []
        var bounds: [Bound] = []
        var subjects: [String] = []
        func append(_ limits: [CompiledLimit]) -> Span {
            let start = bounds.count
            bounds += limits.map(Self.bound)
            return Span(start: start, end: bounds.count)
        }
        for component in compiled.components {
            let rounding = component.rounding
            subjects.append(component.component.id)
            switch component.basis {
            case .fixed, .unitRate:
                parts.append(
                    Part(rate: nil, costSlot: 0, costBounds: .empty, bounds: append(component.limits),
                        conventional: component.conventional.cents, rule: rounding.rule, unit: rounding.unit.cents,
                        subject: subjects.count - 1))
            case .costShare(let rate, let costSlot, let costLimits):
                let costBounds = append(costLimits)
                parts.append(
                    Part(rate: KernelValue(rate), costSlot: costSlot, costBounds: costBounds, bounds: append(component.limits),
                        conventional: component.conventional.cents, rule: rounding.rule, unit: rounding.unit.cents,
                        subject: subjects.count - 1))
            case .envelope:
                return nil
            }
        }
        var totalLimits: [CompiledLimit] = []
        for limit in compiled.convention.settlement.totalLimits {
            // Optional lookup: a limit the kernel cannot compile leaves the convention to the traced path, which
            // compiles it again and reports the error.
            guard
                let compiledLimit = try? CompiledConvention.compile(
                    limit, inputs: compiled.convention.inputs, slots: compiled.slots, subject: compiled.convention.id)
            else { return nil }
            totalLimits.append(compiledLimit)
        }
        totalBounds = append(totalLimits)
        subjects.append(compiled.convention.id)
        totalSubject = subjects.count - 1
        tables = Tables(parts: parts, bounds: bounds, inputs: compiled.convention.inputs, subjects: subjects)
        soldeCeiling = compiled.convention.settlement.soldeLimit?.amount.cents
        total = compiled.total.cents
        rule = compiled.convention.rounding.rule
        unit = compiled.convention.rounding.unit.cents
    }

    static func bound(_ limit: CompiledLimit) -> Bound {
        switch limit.kind {
        case .amount(let amount): return .amount(amount.cents)
        case .input(let slot, let share): return .input(slot: slot, numerator: share.numerator, denominator: share.denominator)
        case .prorata(let slot, let objective, let maximum):
            return .prorata(slot: slot, objective: KernelValue(objective), maximum: KernelValue(maximum))
        case .prorataOfRow(let slot, _, let maximum): return .prorataOfRow(slot: slot, maximum: KernelValue(maximum))
        case .perUnit(let price, let slot): return .perUnit(price: KernelValue(price), slot: slot)
        }
    }

    /// The number of inputs: the count of values ``figures(_:paid:rowAmount:rowQuantity:)`` expects.
    package var inputCount: Int { tables.inputs.count }

    /// One missing value per input, to fill before ``figures(_:paid:rowAmount:rowQuantity:)``.
    package var emptyValues: [KernelValue] { Array(repeating: .missing, count: tables.inputs.count) }

    /// The declaration of the input in `slot` (its key, kind and domain).
    package func input(at slot: Int) -> InputDeclaration { tables.inputs[slot] }

    /// The slot of an input key.
    package func slot(_ key: String) -> Int? { tables.inputs.firstIndex { $0.key == key } }

    /// The bilan's values laid out in slots and checked by the full path's check (kind, unit, domain): the
    /// kernel's counterpart of ``CompiledConvention/inputSlots(_:)``, with the same errors in the same order.
    package func values(_ values: [String: InputValue]) throws(EngineError) -> [KernelValue] {
        if values.keys.contains(where: { slot($0) == nil }) {
            for key in values.keys.sorted() where slot(key) == nil {
                throw .unknownInput(key: key, declared: tables.inputs.map(\.key))
            }
        }
        var laidOut = emptyValues
        for (slot, declaration) in tables.inputs.enumerated() {
            guard let value = values[declaration.key] else { continue }
            laidOut[slot] = try declaration.kernelValue(value)
        }
        return laidOut
    }

    /// The due, the solde or reversement, from the input values and the amount paid, all in cents.
    /// - Parameters:
    ///   - rowAmount: the conventional amount of a programme row (its printed amount), replacing the convention's.
    ///   - rowQuantity: the row's quantity, objective of a row prorata.
    /// - Throws: ``EngineError`` for a wrong number of values, a value outside its domain, a missing input, an
    ///   invalid objective, or an overflow.
    package func figures(
        _ values: [KernelValue], paid: Int64, rowAmount: Int64? = nil, rowQuantity: KernelValue? = nil
    ) throws(EngineError) -> SettlementFigures {
        try withBorrowed { (borrowed) throws(EngineError) -> SettlementFigures in
            try values.withUnsafeBufferPointer { (values) throws(EngineError) -> SettlementFigures in
                try borrowed.figures(values, paid: paid, rowAmount: rowAmount, rowQuantity: rowQuantity)
            }
        }
    }

    /// `conventional × min(realised / objective, maximum)`, rounded once.
    static func prorata(
        _ conventional: Int64, _ realised: KernelValue, _ objective: KernelValue, _ maximum: KernelValue, _ rule: RoundingRule,
        _ unit: Int64
    ) throws(EngineError) -> Int64 {
        // A zero or negative objective, or a zero denominator, is an error, never a division by zero.
        guard objective.numerator > 0, objective.denominator > 0, realised.denominator > 0, maximum.denominator > 0 else {
            throw .arithmetic(.divisionByZero(operation: "prorata \(realised.numerator)/\(realised.denominator) ÷ \(objective.numerator)/\(objective.denominator)"))
        }
        // 64-bit when every product fits (denominators are positive, so cross-multiplying keeps the order).
        let (ratioNumerator, overflowNumerator) = realised.numerator.multipliedReportingOverflow(by: objective.denominator)
        let (ratioDenominator, overflowDenominator) = realised.denominator.multipliedReportingOverflow(by: objective.numerator)
        if !overflowNumerator, !overflowDenominator {
            let (ratio, overflowRatio) = ratioNumerator.multipliedReportingOverflow(by: maximum.denominator)
            let (ceiling, overflowCeiling) = maximum.numerator.multipliedReportingOverflow(by: ratioDenominator)
            if !overflowRatio, !overflowCeiling {
                return ratio <= ceiling
                    ? try scale(conventional, ratioNumerator, ratioDenominator, rule, unit)
                    : try scale(conventional, maximum.numerator, maximum.denominator, rule, unit)
            }
        }
        // 128-bit: each product of two 64-bit values fits; the comparison's products may not, and are checked.
        let numerator = Int128(realised.numerator) * Int128(objective.denominator)
        let denominator = Int128(realised.denominator) * Int128(objective.numerator)
        let withinMaximum = try compare(numerator, times: Int128(maximum.denominator), atMost: Int128(maximum.numerator), times: denominator)
        if !withinMaximum {
            return try scale(conventional, maximum.numerator, maximum.denominator, rule, unit)
        }
        if let smallNumerator = Int64(exactly: numerator), let smallDenominator = Int64(exactly: denominator) {
            return try scale(conventional, smallNumerator, smallDenominator, rule, unit)
        }
        return try wideScale(conventional, numerator, denominator, rule, unit)
    }

    /// `a × b ≤ c × d` in 128-bit arithmetic; an overflow is an error, never a trap.
    static func compare(_ a: Int128, times b: Int128, atMost c: Int128, times d: Int128) throws(EngineError) -> Bool {
        let (left, overflowLeft) = a.multipliedReportingOverflow(by: b)
        let (right, overflowRight) = c.multipliedReportingOverflow(by: d)
        guard !overflowLeft, !overflowRight else { throw .arithmetic(.overflow(operation: "\(a) × \(b) ≤ \(c) × \(d)")) }
        return left <= right
    }

    /// `cents × numerator / denominator`, rounded once to `unit` cents under `rule`.
    @inline(__always)
    static func scale(_ cents: Int64, _ numerator: Int64, _ denominator: Int64, _ rule: RoundingRule, _ unit: Int64)
        throws(EngineError) -> Int64
    {
        let (product, overflowProduct) = cents.multipliedReportingOverflow(by: numerator)
        let (divisor, overflowDivisor) = denominator.multipliedReportingOverflow(by: unit)
        if !overflowProduct, !overflowDivisor {
            // Whole figures in cents (a price per place, a ratio capped at 100 %): nothing to divide or round.
            if divisor == 1, unit == 1 { return product }
            let (result, overflow) = rule.divide64(product, by: divisor).multipliedReportingOverflow(by: unit)
            if !overflow { return result }
        }
        return try wideScale(cents, Int128(numerator), Int128(denominator), rule, unit)
    }

    static func wideScale(_ cents: Int64, _ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule, _ unit: Int64)
        throws(EngineError) -> Int64
    {
        let (product, overflowProduct) = Int128(cents).multipliedReportingOverflow(by: numerator)
        let (divisor, overflowDivisor) = denominator.multipliedReportingOverflow(by: Int128(unit))
        guard !overflowProduct, !overflowDivisor, divisor != 0 else {
            throw .arithmetic(.overflow(operation: "\(cents) × \(numerator)/\(denominator)"))
        }
        let units = rule.divide(product, by: divisor)
        guard let result = Int64(exactly: units.multipliedReportingOverflow(by: Int128(unit)).partialValue),
            !units.multipliedReportingOverflow(by: Int128(unit)).overflow
        else {
            throw .arithmetic(.overflow(operation: "\(cents) × \(numerator)/\(denominator)"))
        }
        return result
    }

    static func add(_ lhs: Int64, _ rhs: Int64) throws(EngineError) -> Int64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        guard !overflow else { throw .arithmetic(.overflow(operation: "\(lhs) + \(rhs)")) }
        return sum
    }
}
