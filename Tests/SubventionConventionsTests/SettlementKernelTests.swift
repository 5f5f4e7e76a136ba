import Foundation
import SubventionCore
import Testing

@testable import SubventionConventions

/// The integer kernel gives the full settlement's figures on every bundled convention it can compile.
@Suite("Noyau entier et règlement complet")
struct SettlementKernelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let files = [
        "alpes-maritimes/etat-france-travail-2024.yaml", "alpes-maritimes/reflets-sante-mentale-2024.yaml",
        "alpes-maritimes/fse-assistance-technique-2022-2025.yaml", "alpes-maritimes/fsl-so-eau-2024.yaml",
        "alpes-maritimes/fsl-erilia-2024.yaml", "doubs/ccas-besancon-2025.yaml",
        "pas-de-calais/professions-autonomie-62-2024.yaml",
    ]

    @Test("Mêmes chiffres sur 2 000 bilans aléatoires par convention", arguments: files)
    func sameFigures(_ file: String) throws {
        let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/" + file)
        guard case .convention(let convention) = loaded else { throw LoadFailure([]) }
        let compiled = try CompiledConvention(convention)
        let kernel = try #require(SettlementKernel(compiled))
        var state: UInt64 = 7
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(max(bound, 1)))
        }
        for _ in 0..<2_000 {
            var values: [String: InputValue] = [:]
            var kernelValues = kernel.emptyValues
            for input in convention.inputs {
                let slot = try #require(kernel.slot(input.key))
                switch input.kind {
                case .money:
                    let amount = Money(cents: next(2 * compiled.total.cents))
                    values[input.key] = .money(amount)
                    kernelValues[slot] = KernelValue(amount)
                case .quantity(let unit):
                    let quantity = try Rational(next(10_000), 4)
                    values[input.key] = .quantity(Quantity(quantity, unit))
                    kernelValues[slot] = KernelValue(quantity)
                }
            }
            let paid = Money(cents: next(compiled.total.cents))
            let settlement = try compiled.settle(Bilan(values: values, payments: [Payment(amount: paid)]))
            let figures = try kernel.figures(kernelValues, paid: paid.cents)
            #expect(figures.due == settlement.due)
            #expect(figures.outcome == settlement.outcome)
        }
    }

    @Test("Une convention avec enveloppe ou majoration reste sur le chemin complet")
    func unsupported() throws {
        for file in ["alpes-maritimes/flash-emploi-2024.yaml", "maine-et-loire/ccas-angers-2025.yaml"] {
            let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/" + file)
            guard case .convention(let convention) = loaded else { throw LoadFailure([]) }
            #expect(SettlementKernel(try CompiledConvention(convention)) == nil)
        }
    }
}
