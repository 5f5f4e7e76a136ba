import SubventionConventions
import SubventionCore

/// The programme's operations compiled once; settles a benchmark row through the engine's batch path.
struct RowSettler: Sendable {
    let terms: [ProgrammeOperationTerms]
    /// The operation ids as UTF-8, at their operation index: a row's operation is found by its bytes.
    let operationKeys: [[UInt8]]
    let realisedSlot: Int
    let costSlot: Int
    let unit: QuantityUnit
    let evaluator: ProgrammeEvaluator
    let kernels: [SettlementKernel]
    /// Nil for an operation whose amount is printed per row (the benchmark rows have none).
    let pricings: [UnitPricing?]
    let inputCount: Int

    init(programmePath: String) throws {
        let (loaded, _) = try ConventionFiles.load(path: programmePath)
        guard case .programme(let programme) = loaded else { throw BenchmarkError("\(programmePath) n'est pas un programme") }
        evaluator = try ProgrammeEvaluator(programme.programme)
        var terms: [ProgrammeOperationTerms] = []
        for operation in programme.programme.operations {
            guard let resolved = evaluator.terms(forOperation: operation.id) else { continue }
            terms.append(resolved)
        }
        guard let model = terms.first?.model,
            let realised = model.convention.inputs.firstIndex(where: { $0.key == "quantite-realisee" }),
            let cost = model.convention.inputs.firstIndex(where: { $0.key == "cout-action" }),
            case .quantity(let unit) = model.convention.inputs[realised].kind
        else { throw BenchmarkError("le modèle n'a pas les entrées quantite-realisee et cout-action") }
        self.terms = terms
        operationKeys = terms.map { Array($0.operation.id.utf8) }
        realisedSlot = realised
        costSlot = cost
        self.unit = unit
        kernels = try terms.map { terms throws in
            guard let kernel = terms.kernel else { throw BenchmarkError("« \(terms.operation.id) » n'a pas de noyau entier") }
            return kernel
        }
        pricings = terms.map(\.pricing)
        inputCount = model.convention.inputs.count
    }

    /// Runs `body` with the kernels borrowed, the prices and one values buffer, for a whole batch of rows.
    func withBatch<Result>(_ body: (RowBatch, borrowing SettlementKernel.Borrowed) throws -> Result) throws -> Result {
        var values = [KernelValue](repeating: .missing, count: inputCount)
        return try SettlementKernel.withBorrowed(kernels) { kernels in
            try pricings.withUnsafeBufferPointer { pricings in
                try values.withUnsafeMutableBufferPointer { values in
                    let batch = RowBatch(pricings: pricings, values: values, realisedSlot: realisedSlot, costSlot: costSlot)
                    return try body(batch, kernels)
                }
            }
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
