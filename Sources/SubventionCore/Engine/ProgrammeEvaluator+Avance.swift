extension ProgrammeEvaluator {
    /// The parameter that is a model's avance (« avance »): the key of its one installment whose amount is a
    /// parameter (`montant: parametre avance` in the programme file); nil when the model has none, or several.
    package static func avanceParameter(of model: Convention) -> String? {
        let keys = model.installments.compactMap { installment -> String? in
            guard case .parameter(let key) = installment.amount else { return nil }
            return key
        }
        return keys.count == 1 ? keys[0] : nil
    }

    /// The avance parameter of a row's model (see ``avanceParameter(of:)``).
    public func avanceParameter(for row: ProgrammeRow) throws(EngineError) -> String? {
        Self.avanceParameter(of: try compiledOperation(for: row).model.convention)
    }

    /// The parameters a row takes when it gives no avance of its own (`batch --avance-part`): its model's avance
    /// parameter, `share` of the printed amount rounded to the cent; none without a share.
    /// - Throws: ``EngineError/noAvanceParameter(operation:)`` when a share is given and the row's model has no single
    ///   avance parameter to fill (the share would be ignored in silence), or an overflow.
    public func defaultParameters(for row: ProgrammeRow, avanceShare share: Rational?) throws(EngineError) -> [String: Money] {
        guard let share else { return [:] }
        guard let key = try avanceParameter(for: row) else { throw .noAvanceParameter(operation: row.operation) }
        return [key: try exact { try row.declaredAmount.multiplied(by: share, rounding: .nearestCent) }]
    }
}
