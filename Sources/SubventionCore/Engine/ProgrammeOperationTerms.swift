/// An operation of a programme resolved once for a batch: its compiled model and unit price, so each row is
/// settled without looking anything up. A class, so that a batch passes it around without copying its terms.
public final class ProgrammeOperationTerms: Sendable {
    public let operation: Operation
    /// The model convention, compiled.
    public let model: CompiledConvention
    /// The model compiled to integer operations, when it can be (see ``SettlementKernel``).
    package let kernel: SettlementKernel?
    /// The unit price under the model's rounding, when the operation has one.
    package let pricing: UnitPricing?
    /// The model's avance parameter (``ProgrammeEvaluator/avanceParameter(of:)``).
    package let avanceParameter: String?

    init(operation: Operation, model: CompiledConvention) {
        self.operation = operation
        self.model = model
        kernel = SettlementKernel(model)
        avanceParameter = ProgrammeEvaluator.avanceParameter(of: model.convention)
        if case .unitRate(let unitPrice) = operation.pricing {
            let rounding = model.convention.rounding
            pricing = UnitPricing(price: KernelValue(unitPrice.euros), rule: rounding.rule, unit: rounding.unit.cents)
        } else {
            pricing = nil
        }
    }

    /// Quantity × unit price in cents, under the model's rounding (the kernel's counterpart of
    /// ``computedAmount(quantity:printed:)``); `printed` when the operation has no rate.
    package func amount(quantity: KernelValue, printed: Int64) throws(EngineError) -> Int64 {
        guard let pricing else { return printed }
        return try pricing.amount(quantity: quantity)
    }

    /// Settles a row of this operation from slotted values (see ``CompiledConvention/inputSlots(_:)``): the
    /// printed `amount` is the conventional amount, `quantity` the objective of a row prorata.
    public func figures(amount: Money, quantity: Rational?, slotted values: [InputValue?], paid: Money)
        throws(EngineError) -> SettlementFigures
    {
        try model.figures(slotted: values, paid: paid, row: RowContext(amount: amount, quantity: quantity, basis: ""))
    }

    /// Quantity × unit price under the model's rounding, or `amount` when the operation has no rate.
    public func computedAmount(quantity: Rational, printed amount: Money) throws(EngineError) -> Money {
        switch operation.pricing {
        case .unitRate(let price):
            return try ProgrammeEvaluator.unitAmount(price, quantity: quantity, rounding: model.convention.rounding)
        case .amountPerRow:
            return amount
        }
    }
}

extension ProgrammeEvaluator {
    /// The operation a table label (or an operation id) belongs to, resolved for batch settlement.
    public func terms(forOperation label: String) -> ProgrammeOperationTerms? {
        operationsByLabel[label].map { ProgrammeOperationTerms(operation: $0.operation, model: $0.model) }
    }
}
