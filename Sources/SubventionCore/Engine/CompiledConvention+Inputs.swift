extension CompiledConvention {
    /// The bilan's values laid out in the convention's input slots, checked against their declarations.
    /// - Throws: ``EngineError/unknownInput(key:declared:)`` or ``EngineError/inputMismatch(key:expected:found:)``.
    public func inputSlots(_ values: [String: InputValue]) throws(EngineError) -> [InputValue?] {
        var slotted = [InputValue?](repeating: nil, count: convention.inputs.count)
        for (key, value) in values {
            guard let slot = slots[key] else {
                throw .unknownInput(key: key, declared: convention.inputs.map(\.key))
            }
            let declaration = convention.inputs[slot]
            switch (declaration.kind, value) {
            case (.money, .money(let amount)):
                guard !amount.isNegative else {
                    throw .inputMismatch(key: key, expected: "un montant positif ou nul", found: amount.french)
                }
            case (.quantity(let unit), .quantity(let quantity)) where quantity.unit == unit:
                guard !quantity.value.isNegative else {
                    throw .inputMismatch(key: key, expected: "une quantité positive ou nulle", found: "\(quantity)")
                }
            default:
                throw .inputMismatch(key: key, expected: declaration.kind.frenchDescription, found: "\(value)")
            }
            slotted[slot] = value
        }
        return slotted
    }

    func money(_ slot: Int, in values: [InputValue?], for subject: String) throws(EngineError) -> Money {
        guard case .money(let amount)? = values[slot] else {
            let input = convention.inputs[slot]
            throw .missingInput(key: input.key, label: input.label, component: subject)
        }
        return amount
    }

    func quantity(_ slot: Int, in values: [InputValue?], for subject: String) throws(EngineError) -> Rational {
        guard case .quantity(let quantity)? = values[slot] else {
            let input = convention.inputs[slot]
            throw .missingInput(key: input.key, label: input.label, component: subject)
        }
        return quantity.value
    }
}
