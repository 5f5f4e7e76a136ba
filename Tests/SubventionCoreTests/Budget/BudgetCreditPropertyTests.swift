import PropertyBased
import Testing

@testable import SubventionCore

/// Invariants of the budget ledger over generated conventions: the CP per exercice are the échéanciers, split
/// between imputations and years without losing or inventing a cent.
struct BudgetCreditPropertyTests {
    static let lines = ["C01-444H02", "C02-446A05", "C02-428B02"]

    /// A convention of 1–3 fixed components on 1–3 imputations, 1–4 installments (shares, then the remainder),
    /// each dated in 2022–2027 or not dated.
    static func convention(
        componentCents: [Int64], componentLines: [Int], basisPoints: [Int64], dueYears: [Int]
    ) throws -> Convention {
        var installments: [Installment] = []
        for (index, points) in basisPoints.enumerated() {
            let isLast = index == basisPoints.count - 1
            let due = dueYears[index] == 0 ? nil : CalendarDate(year: 2021 + dueYears[index], month: 3 + index, day: 15)
            installments.append(
                Installment(
                    id: "v\(index)", label: "Versement \(index + 1)",
                    amount: isLast ? .remainder : .share(try Rational(points / Int64(basisPoints.count), 10_000)),
                    triggers: [.signature], due: due.map(DateRule.fixed), isSettlement: isLast))
        }
        var convention = Convention(
            id: "generee", title: "Convention générée", financeur: "Département",
            beneficiaire: "Association",
            deliberations: [Deliberation(body: "Commission permanente", number: "1", date: CalendarDate(year: 2022, month: 1, day: 10))],
            components: componentCents.enumerated().map { index, cents in
                Component(id: "c\(index)", label: "Composante \(index + 1)", basis: .fixed(Money(cents: cents)))
            },
            installments: installments)
        convention.imputation = Imputation(code: lines[0])
        for index in convention.components.indices where componentLines[index] > 0 {
            convention.components[index].imputation = Imputation(code: lines[componentLines[index]])
        }
        return convention
    }

    @Test func creditsPerExerciceSumToTheEcheanciers() async {
        await propertyCheck(
            count: 1_000,
            input: Gen.int64(in: 1...1_000_000_000_00).array(of: 1...3),
            Gen.int(in: 0...2).array(of: 3),
            Gen.int64(in: 0...10_000).array(of: 1...4),
            Gen.int(in: 0...6).array(of: 4),
            Gen.int(in: 0...6).array(of: 4)
        ) { componentCents, componentLines, basisPoints, dueYears, paidYears in
            let convention = try Self.convention(
                componentCents: componentCents, componentLines: componentLines, basisPoints: basisPoints,
                dueYears: dueYears)
            let compiled = try CompiledConvention(convention)
            let schedule = try compiled.schedule()
            // Payments of some installments, in full, on a date of their own year.
            let payments = schedule.installments.enumerated().compactMap { index, scheduled -> Payment? in
                guard paidYears[index] > 0 else { return nil }
                return Payment(
                    installment: scheduled.installment.id, amount: scheduled.amount,
                    date: CalendarDate(year: 2021 + paidYears[index], month: 12, day: 1))
            }
            let commitments = try BudgetCommitment.commitments(of: compiled, bilan: Bilan(), payments: payments)
            let ledger = try BudgetLedger(budgets: [], commitments: commitments)

            // Σ CP prévus = Σ échéancier; Σ engagée = montant conventionné; Σ mandatés = Σ versements.
            #expect(try ledger.credits.map(\.planned).sum() == (try schedule.installments.map(\.amount).sum()))
            #expect(try ledger.engagements.map(\.committed).sum() == compiled.total)
            #expect(try ledger.credits.map(\.paid).sum() == (try payments.map(\.amount).sum()))

            // Per exercice: the installments dated (by payment, else by due date) in that year.
            var expected: [Int?: Money] = [:]
            for scheduled in schedule.installments {
                let paid = payments.first { $0.installment == scheduled.installment.id }?.date
                let year = (paid ?? scheduled.dueDate)?.year
                expected[year] = try (expected[year] ?? .zero) + scheduled.amount
            }
            for year in Set(expected.keys).union(ledger.credits.map(\.exercice)) {
                let planned = try ledger.credits.filter { $0.exercice == year }.map(\.planned).sum()
                #expect(planned == (expected[year] ?? .zero), "exercice \(year.map(String.init) ?? "non daté")")
            }
            // Per imputation: the CP of a line sum to its engagement.
            for engagement in ledger.engagements {
                let planned = try ledger.credits.filter { $0.code == engagement.imputation.code }.map(\.planned).sum()
                #expect(planned == engagement.committed, "\(engagement.imputation.code)")
            }
        }
    }
}
