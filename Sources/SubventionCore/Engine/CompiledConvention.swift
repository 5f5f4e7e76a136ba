/// A convention compiled once for many evaluations: avenants applied, units checked, inputs resolved
/// to slots and conventional amounts computed. Schedules, settlements and checks start from it.
///
/// ```swift
/// let compiled = try CompiledConvention(convention)
/// let settlement = try compiled.settle(bilan)
/// print(settlement.outcome)   // solde de 12 000,00 €
/// ```
public struct CompiledConvention: Sendable {
    /// The convention as it stands at the compilation date (avenants applied).
    public let convention: Convention
    /// The avenants applied, in order.
    public let appliedAmendments: [Amendment]
    /// The montant conventionné: the declared total, or the sum of the components' conventional amounts.
    public let total: Money
    let components: [CompiledComponent]
    let slots: [String: Int]

    /// Compiles `convention` as it stands at `date` (every avenant when `date` is nil).
    /// - Throws: ``EngineError`` when a clause refers to an undeclared input or multiplies mismatched units.
    public init(_ convention: Convention, at date: CalendarDate? = nil) throws(EngineError) {
        let applied = convention.amendments(effectiveAt: date)
        let effective = convention.applyingAmendments(at: date)
        var slots: [String: Int] = [:]
        for (index, input) in effective.inputs.enumerated() { slots[input.key] = index }
        var compiled: [CompiledComponent] = []
        compiled.reserveCapacity(effective.components.count)
        for component in effective.components {
            compiled.append(try CompiledConvention.compile(component, of: effective, slots: slots))
        }
        var total = effective.declaredTotal?.amount
        if total == nil {
            do {
                total = try compiled.map(\.conventional).sum()
            } catch {
                throw EngineError.arithmetic(error as? ArithmeticError ?? .overflow(operation: "total"))
            }
        }
        self.convention = effective
        self.appliedAmendments = applied
        self.components = compiled
        self.slots = slots
        self.total = total ?? .zero
    }

    /// The components' conventional amounts, by component id, in the convention's order.
    public var conventionalAmounts: [(component: Component, amount: Money)] {
        components.map { ($0.component, $0.conventional) }
    }

    static func compile(_ component: Component, of convention: Convention, slots: [String: Int])
        throws(EngineError) -> CompiledComponent
    {
        let rounding = component.rounding ?? convention.rounding
        let limits = try component.limits.map { (limit) throws(EngineError) in
            try compile(limit, inputs: convention.inputs, slots: slots, subject: component.id)
        }
        let basis: CompiledComponent.Basis
        var conventional: Money
        do {
            switch component.basis {
            case .fixed(let amount):
                basis = .fixed
                conventional = amount
            case .unitRate(let price, let quantity):
                basis = .unitRate
                conventional = try price.times(quantity, rounding: rounding)
            case .costShare(let rate, let costInput, let plannedCost, let costLimits):
                let compiledCostLimits = try costLimits.map { (limit) throws(EngineError) in
                    try compile(limit, inputs: convention.inputs, slots: slots, subject: component.id)
                }
                let slot = try slotOf(costInput, expecting: .money, inputs: convention.inputs, slots: slots)
                basis = .costShare(rate: rate, costSlot: slot, costLimits: compiledCostLimits)
                if let plannedCost {
                    let cappedCost = fixedAmounts(of: costLimits).reduce(plannedCost) { Money.min($0, $1) }
                    conventional = try cappedCost.multiplied(by: rate, rounding: rounding)
                } else {
                    conventional = fixedAmounts(of: component.limits).min() ?? .zero
                }
            case .envelope(let maximum, let deadline):
                basis = .envelope(maximum: maximum, deadline: deadline)
                conventional = maximum
            }
            conventional = fixedAmounts(of: component.limits).reduce(conventional) { Money.min($0, $1) }
        } catch let error as ArithmeticError {
            throw .arithmetic(error)
        } catch let error as UnitMismatchError {
            throw .units(error)
        } catch let error as EngineError {
            throw error
        } catch {
            throw .arithmetic(.overflow(operation: component.id))
        }
        return CompiledComponent(
            component: component, basis: basis, limits: limits, rounding: rounding, conventional: conventional)
    }

    static func fixedAmounts(of limits: [Limit]) -> [Money] {
        limits.compactMap { limit in
            if case .amount(let amount) = limit.kind { return amount }
            return nil
        }
    }

    static func compile(_ limit: Limit, inputs: [InputDeclaration], slots: [String: Int], subject: String)
        throws(EngineError) -> CompiledLimit
    {
        switch limit.kind {
        case .amount(let amount):
            return CompiledLimit(kind: .amount(amount), source: limit)
        case .input(let key, let share):
            let slot = try slotOf(key, expecting: .money, inputs: inputs, slots: slots)
            return CompiledLimit(kind: .input(slot: slot, share: share), source: limit)
        case .prorata(let realised, nil, let maximumRatio):
            guard let slot = slots[realised] else {
                throw .unknownInput(key: realised, declared: inputs.map(\.key))
            }
            guard case .quantity(let unit) = inputs[slot].kind else {
                throw .inputMismatch(key: realised, expected: "une quantité", found: inputs[slot].kind.frenchDescription)
            }
            return CompiledLimit(
                kind: .prorataOfRow(realisedSlot: slot, unit: unit, maximumRatio: maximumRatio), source: limit)
        case .prorata(let realised, let objective?, let maximumRatio):
            guard objective.value > .zero else { throw .invalidObjective(component: subject) }
            let slot = try slotOf(realised, expecting: .quantity(objective.unit), inputs: inputs, slots: slots)
            return CompiledLimit(
                kind: .prorata(realisedSlot: slot, objective: objective.value, maximumRatio: maximumRatio),
                source: limit)
        case .perUnit(let price, let quantity):
            let slot = try slotOf(quantity, expecting: .quantity(price.unit), inputs: inputs, slots: slots)
            return CompiledLimit(kind: .perUnit(price: price.euros, slot: slot), source: limit)
        }
    }

    static func slotOf(
        _ key: String, expecting kind: InputDeclaration.Kind, inputs: [InputDeclaration], slots: [String: Int]
    ) throws(EngineError) -> Int {
        guard let slot = slots[key] else { throw .unknownInput(key: key, declared: inputs.map(\.key)) }
        let declared = inputs[slot].kind
        guard declared == kind else {
            throw .inputMismatch(key: key, expected: kind.frenchDescription, found: declared.frenchDescription)
        }
        return slot
    }
}

extension InputDeclaration.Kind {
    /// « un montant en euros », « une quantité en ETP ».
    public var frenchDescription: String {
        switch self {
        case .money: return "un montant en euros"
        case .quantity(let unit): return "une quantité en « \(unit.name) »"
        }
    }
}
