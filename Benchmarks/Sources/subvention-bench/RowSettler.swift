import SubventionConventions
import SubventionCore

/// The programme's operations compiled once; settles a benchmark row through the engine's batch path.
struct RowSettler {
    let terms: [ProgrammeOperationTerms]
    let operationIndex: [String: Int]
    let realisedSlot: Int
    let costSlot: Int
    let unit: QuantityUnit
    let evaluator: ProgrammeEvaluator
    let kernels: [SettlementKernel]
    /// Reused for every row: no allocation per row.
    var values: [KernelValue]

    init(programmePath: String) throws {
        let (loaded, _) = try ConventionFiles.load(path: programmePath)
        guard case .programme(let programme) = loaded else { throw BenchmarkError("\(programmePath) n'est pas un programme") }
        evaluator = try ProgrammeEvaluator(programme.programme)
        var terms: [ProgrammeOperationTerms] = []
        var index: [String: Int] = [:]
        for operation in programme.programme.operations {
            guard let resolved = evaluator.terms(forOperation: operation.id) else { continue }
            index[operation.id] = terms.count
            terms.append(resolved)
        }
        guard let model = terms.first?.model,
            let realised = model.convention.inputs.firstIndex(where: { $0.key == "quantite-realisee" }),
            let cost = model.convention.inputs.firstIndex(where: { $0.key == "cout-action" }),
            case .quantity(let unit) = model.convention.inputs[realised].kind
        else { throw BenchmarkError("le modèle n'a pas les entrées quantite-realisee et cout-action") }
        self.terms = terms
        operationIndex = index
        realisedSlot = realised
        costSlot = cost
        self.unit = unit
        kernels = try terms.map { terms throws in
            guard let kernel = terms.kernel else { throw BenchmarkError("« \(terms.operation.id) » n'a pas de noyau entier") }
            return kernel
        }
        values = Array(repeating: .missing, count: model.convention.inputs.count)
    }

    /// Due, solde and titre de recettes of one row, in cents.
    mutating func settle(operation: Int, places: Int64, realised: Int64, cost: Int64, avance: Int64) throws
        -> (due: Int64, solde: Int64, titre: Int64)
    {
        let quantity = KernelValue(numerator: places)
        let amount = try terms[operation].amount(quantity: quantity, printed: 0)
        values[realisedSlot] = KernelValue(numerator: realised)
        values[costSlot] = KernelValue(numerator: cost)
        let values = self.values
        let figures = try kernels.withUnsafeBufferPointer { (kernels) throws(EngineError) in
            try kernels[operation].figures(values, paid: avance, rowAmount: amount, rowQuantity: quantity)
        }
        switch figures.outcome {
        case .solde(let solde): return (figures.due.cents, solde.cents, 0)
        case .reversement(let titre): return (figures.due.cents, 0, titre.cents)
        case .settled: return (figures.due.cents, 0, 0)
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
