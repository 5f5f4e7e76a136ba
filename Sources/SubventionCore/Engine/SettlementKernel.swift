/// A convention compiled down to integer operations, for batches of millions of rows: the same ceilings, prorata
/// and rounding as ``CompiledConvention/settle(_:asOf:)``, without trace, strings or allocation per row.
///
/// Built from a compiled convention; conventions with an envelope component (dated justifications) or a
/// majoration stay on the full path (`init` returns nil). Every product is rounded once under the component's
/// declared rounding, in 64-bit arithmetic when it fits and 128-bit otherwise: the figures are the full path's.
///
/// ```swift
/// let kernel = try #require(SettlementKernel(compiled))
/// var values = kernel.emptyValues
/// values[kernel.slot("cout-mission")!] = KernelValue(Money(cents: 9_000_000))
/// let figures = try kernel.figures(values, paid: 4_800_000)   // due 4 500 000, reversement 300 000
/// ```
public struct SettlementKernel: Sendable {
    /// A ceiling as integers.
    enum Bound: Sendable {
        case amount(Int64)
        case input(slot: Int, numerator: Int64, denominator: Int64)
        case prorata(slot: Int, objective: KernelValue, maximum: KernelValue)
        case prorataOfRow(slot: Int, maximum: KernelValue)
        case perUnit(price: KernelValue, slot: Int)
    }

    /// A component as integers; its ceilings are ranges of ``bounds``, so a part holds no reference and copying it
    /// costs no reference counting.
    struct Part: Sendable {
        /// The share of a cost input (`costSlot`), or nil for a conventional amount.
        let rate: KernelValue?
        let costSlot: Int
        let costBounds: Range<Int>
        let bounds: Range<Int>
        let conventional: Int64
        let rule: RoundingRule
        let unit: Int64
    }

    let parts: [Part]
    /// Every ceiling of every part, then the total's.
    let bounds: [Bound]
    let totalBounds: Range<Int>
    let soldeCeiling: Int64?
    let total: Int64
    let rule: RoundingRule
    let unit: Int64
    let inputs: [InputDeclaration]

    /// Compiles `compiled`; nil when a component is an envelope or the convention allows a majoration.
    public init?(_ compiled: CompiledConvention) {
        guard compiled.convention.majoration == nil else { return nil }
        var parts: [Part] = []
        var bounds: [Bound] = []
        func append(_ limits: [CompiledLimit]) -> Range<Int> {
            let start = bounds.count
            bounds += limits.map(Self.bound)
            return start..<bounds.count
        }
        for component in compiled.components {
            let rounding = component.rounding
            switch component.basis {
            case .fixed, .unitRate:
                parts.append(
                    Part(rate: nil, costSlot: 0, costBounds: 0..<0, bounds: append(component.limits),
                        conventional: component.conventional.cents, rule: rounding.rule, unit: rounding.unit.cents))
            case .costShare(let rate, let costSlot, let costLimits):
                let costBounds = append(costLimits)
                parts.append(
                    Part(rate: KernelValue(rate), costSlot: costSlot, costBounds: costBounds, bounds: append(component.limits),
                        conventional: component.conventional.cents, rule: rounding.rule, unit: rounding.unit.cents))
            case .envelope:
                return nil
            }
        }
        var totalLimits: [CompiledLimit] = []
        for limit in compiled.convention.settlement.totalLimits {
            guard
                let compiledLimit = try? CompiledConvention.compile(
                    limit, inputs: compiled.convention.inputs, slots: compiled.slots, subject: compiled.convention.id)
            else { return nil }
            totalLimits.append(compiledLimit)
        }
        totalBounds = append(totalLimits)
        self.parts = parts
        self.bounds = bounds
        soldeCeiling = compiled.convention.settlement.soldeLimit?.amount.cents
        total = compiled.total.cents
        rule = compiled.convention.rounding.rule
        unit = compiled.convention.rounding.unit.cents
        inputs = compiled.convention.inputs
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

    /// One missing value per input, to fill before ``figures(_:paid:rowAmount:rowQuantity:)``.
    public var emptyValues: [KernelValue] { Array(repeating: .missing, count: inputs.count) }

    /// The slot of an input key.
    public func slot(_ key: String) -> Int? { inputs.firstIndex { $0.key == key } }

    /// The due, the solde or reversement, from the input values and the amount paid, all in cents.
    /// - Parameters:
    ///   - rowAmount: the conventional amount of a programme row (its printed amount), replacing the convention's.
    ///   - rowQuantity: the row's quantity, objective of a row prorata.
    /// - Throws: ``EngineError`` for a missing input, an invalid objective, or an overflow.
    public func figures(
        _ values: [KernelValue], paid: Int64, rowAmount: Int64? = nil, rowQuantity: KernelValue? = nil
    ) throws(EngineError) -> SettlementFigures {
        // Buffers borrow the kernel's arrays: no reference counting per row.
        try parts.withUnsafeBufferPointer { (parts) throws(EngineError) -> SettlementFigures in
            try bounds.withUnsafeBufferPointer { (bounds) throws(EngineError) -> SettlementFigures in
                try values.withUnsafeBufferPointer { (values) throws(EngineError) -> SettlementFigures in
                    var sum: Int64 = 0
                    for part in parts {
                        let conventional = rowAmount ?? part.conventional
                        var amount: Int64
                        if let rate = part.rate {
                            var cost = try money(part.costSlot, values)
                            for index in part.costBounds {
                                cost = min(
                                    cost,
                                    try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit))
                            }
                            amount = try Self.scale(cost, rate.numerator, rate.denominator, part.rule, part.unit)
                        } else {
                            amount = conventional
                        }
                        for index in part.bounds {
                            amount = min(
                                amount, try evaluate(bounds[index], conventional: conventional, values, rowQuantity, part.rule, part.unit))
                        }
                        sum = try Self.add(sum, amount)
                    }
                    var due = sum
                    for index in totalBounds {
                        due = min(due, try evaluate(bounds[index], conventional: rowAmount ?? total, values, rowQuantity, rule, unit))
                    }
                    return try outcome(due: due, paid: paid)
                }
            }
        }
    }

    func outcome(due: Int64, paid: Int64) throws(EngineError) -> SettlementFigures {
        let balance = try Self.add(due, -paid)
        let outcome: SettlementOutcome
        if balance > 0 {
            outcome = .solde(Money(cents: soldeCeiling.map { min($0, balance) } ?? balance))
        } else if balance < 0 {
            outcome = .reversement(Money(cents: -balance))
        } else {
            outcome = .settled
        }
        return SettlementFigures(due: Money(cents: due), paid: Money(cents: paid), outcome: outcome)
    }

    func money(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>) throws(EngineError) -> Int64 {
        let value = values[slot]
        guard value.denominator == 1 else { throw missing(slot) }
        return value.numerator
    }

    func quantity(_ slot: Int, _ values: UnsafeBufferPointer<KernelValue>) throws(EngineError) -> KernelValue {
        let value = values[slot]
        guard value.denominator > 0 else { throw missing(slot) }
        return value
    }

    func missing(_ slot: Int) -> EngineError {
        .missingInput(key: inputs[slot].key, label: inputs[slot].label, component: "")
    }

    func evaluate(
        _ bound: Bound, conventional: Int64, _ values: UnsafeBufferPointer<KernelValue>, _ rowQuantity: KernelValue?,
        _ rule: RoundingRule,
        _ unit: Int64
    ) throws(EngineError) -> Int64 {
        switch bound {
        case .amount(let amount):
            return amount
        case .input(let slot, let numerator, let denominator):
            return try Self.scale(try money(slot, values), numerator, denominator, rule, unit)
        case .prorata(let slot, let objective, let maximum):
            return try Self.prorata(conventional, try quantity(slot, values), objective, maximum, rule, unit)
        case .prorataOfRow(let slot, let maximum):
            guard let objective = rowQuantity, objective.numerator > 0, objective.denominator > 0 else {
                throw .invalidObjective(component: "")
            }
            return try Self.prorata(conventional, try quantity(slot, values), objective, maximum, rule, unit)
        case .perUnit(let price, let slot):
            let count = try quantity(slot, values)
            let (numerator, overflowNumerator) = price.numerator.multipliedReportingOverflow(by: count.numerator)
            let (denominator, overflowDenominator) = price.denominator.multipliedReportingOverflow(by: count.denominator)
            guard !overflowNumerator, !overflowDenominator else { throw .arithmetic(.overflow(operation: "prix × quantité")) }
            return try Self.scale(100, numerator, denominator, rule, unit)
        }
    }

    /// `conventional × min(realised / objective, maximum)`, rounded once.
    static func prorata(
        _ conventional: Int64, _ realised: KernelValue, _ objective: KernelValue, _ maximum: KernelValue, _ rule: RoundingRule,
        _ unit: Int64
    ) throws(EngineError) -> Int64 {
        let numerator = Int128(realised.numerator) * Int128(objective.denominator)
        let denominator = Int128(realised.denominator) * Int128(objective.numerator)
        if numerator * Int128(maximum.denominator) <= Int128(maximum.numerator) * denominator,
            let smallNumerator = Int64(exactly: numerator), let smallDenominator = Int64(exactly: denominator)
        {
            return try scale(conventional, smallNumerator, smallDenominator, rule, unit)
        }
        if numerator * Int128(maximum.denominator) > Int128(maximum.numerator) * denominator {
            return try scale(conventional, maximum.numerator, maximum.denominator, rule, unit)
        }
        return try wideScale(conventional, numerator, denominator, rule, unit)
    }

    /// `cents × numerator / denominator`, rounded once to `unit` cents under `rule`.
    @inline(__always)
    static func scale(_ cents: Int64, _ numerator: Int64, _ denominator: Int64, _ rule: RoundingRule, _ unit: Int64)
        throws(EngineError) -> Int64
    {
        let (product, overflowProduct) = cents.multipliedReportingOverflow(by: numerator)
        let (divisor, overflowDivisor) = denominator.multipliedReportingOverflow(by: unit)
        if !overflowProduct, !overflowDivisor {
            let (result, overflow) = rule.divide64(product, by: divisor).multipliedReportingOverflow(by: unit)
            if !overflow { return result }
        }
        return try wideScale(cents, Int128(numerator), Int128(denominator), rule, unit)
    }

    static func wideScale(_ cents: Int64, _ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule, _ unit: Int64)
        throws(EngineError) -> Int64
    {
        let units = rule.divide(Int128(cents) * numerator, by: denominator * Int128(unit))
        guard let result = Int64(exactly: units * Int128(unit)) else {
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
