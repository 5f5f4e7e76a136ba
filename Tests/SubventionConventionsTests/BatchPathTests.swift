import Foundation
import SubventionCore
import Testing

@testable import SubventionConventions

/// The batch path (no trace) and the full settlement agree on every figure.
@Suite("Chemin par lot et règlement complet")
struct BatchPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("5 000 lignes aléatoires du Pas-de-Calais : même dû, même solde ou titre de recettes, par les trois chemins")
    func sameFigures() throws {
        let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml")
        guard case .programme(let programme) = loaded else { throw LoadFailure([]) }
        let evaluator = try ProgrammeEvaluator(programme.programme)
        let place = QuantityUnit("place")
        var state: UInt64 = 42
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        let ids = ["op1-referent-solidarite", "op2-socioprofessionnel", "op3-plie", "op5-accompagnement-specifique"]
        for _ in 0..<5_000 {
            let terms = try #require(evaluator.terms(forOperation: ids[Int(next(4))]))
            let places = next(400) + 1
            let realised = try Rational(next(places * 13) + 1, 10)
            let amount = try terms.computedAmount(quantity: Rational(places), printed: .zero)
            let cost = Money(cents: next(amount.cents * 2) + 1)
            let avance = Money(cents: next(amount.cents) + 1)
            let values: [String: InputValue] = ["quantite-realisee": .quantity(Quantity(realised, place)), "cout-action": .money(cost)]
            let figures = try terms.figures(
                amount: amount, quantity: Rational(places), slotted: try terms.model.inputSlots(values), paid: avance)
            let row = ProgrammeRow(
                line: 1, operation: terms.operation.id, territory: "", structure: "", quantity: Rational(places), declaredAmount: amount)
            let settlement = try evaluator.settle(row, bilan: Bilan(values: values, parameters: ["avance": avance]))
            #expect(figures.due == settlement.due)
            #expect(figures.outcome == settlement.outcome)
            let kernel = try #require(terms.kernel)
            var kernelValues = kernel.emptyValues
            kernelValues[try #require(kernel.slot("quantite-realisee"))] = KernelValue(realised)
            kernelValues[try #require(kernel.slot("cout-action"))] = KernelValue(cost)
            let kernelAmount = try terms.amount(quantity: KernelValue(Rational(places)), printed: 0)
            #expect(kernelAmount == amount.cents)
            let fast = try kernel.figures(
                kernelValues, paid: avance.cents, rowAmount: kernelAmount, rowQuantity: KernelValue(Rational(places)))
            #expect(fast == figures)
            #expect(figures.due <= amount && figures.due <= cost)
        }
    }
}
