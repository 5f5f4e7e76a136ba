extension CompiledConvention {
    /// The bilan's values laid out in the convention's input slots, checked against their declarations (kind, unit
    /// and domain, by ``InputDeclaration/kernelValue(_:)``, the check the integer kernel makes too).
    /// - Throws: ``EngineError/unknownInput(key:declared:)`` or ``EngineError/inputMismatch(key:expected:found:)``.
    public func inputSlots(_ values: [String: InputValue]) throws(EngineError) -> [InputValue?] {
        var slotted = [InputValue?](repeating: nil, count: convention.inputs.count)
        for key in values.keys.sorted() where slots[key] == nil {
            throw .unknownInput(key: key, declared: convention.inputs.map(\.key))
        }
        // In slot order, as the kernel checks its values: the first value refused is the same on both paths.
        for (slot, declaration) in convention.inputs.enumerated() {
            guard let value = values[declaration.key] else { continue }
            // The same domain check as the integer kernel's (InputDeclaration+Domain).
            _ = try declaration.kernelValue(value)
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
