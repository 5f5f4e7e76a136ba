import Testing

@testable import SubventionCore
@testable import SubventionReports

/// The budget report over generated portfolios (seeded, 1 000 cases): its CP per exercice are the échéanciers.
struct BudgetReportPropertyTests {
    /// A seeded generator (SplitMix64), so that every run tests the same 1 000 portfolios.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let codes = ["C01-444H02", "C02-446A05", "C02-428B02"]

    /// A convention of 1–3 components on 1–3 imputations, 1–4 installments (shares then the remainder), each dated in
    /// 2022–2027 by a fixed date, or undated.
    static func convention(_ index: Int, using random: inout Seeded) throws -> Convention {
        let count = Int.random(in: 1...4, using: &random)
        var installments: [Installment] = []
        for position in 0..<count {
            let isLast = position == count - 1
            let dated = Bool.random(using: &random)
            let due = CalendarDate(year: Int.random(in: 2022...2027, using: &random), month: Int.random(in: 1...12, using: &random), day: 28)
            installments.append(
                Installment(
                    id: "v\(position)", label: "Versement \(position + 1)",
                    amount: isLast ? .remainder : .share(try Rational(Int64.random(in: 0...(10_000 / Int64(count)), using: &random), 10_000)),
                    triggers: [.signature], due: dated ? due.map(DateRule.fixed) : nil))
        }
        var convention = Convention(
            id: "c\(index)", title: "Convention \(index)", financeur: "Département",
            beneficiaire: "Association \(index)",
            deliberations: [Deliberation(body: "Commission permanente", number: "1", date: CalendarDate(year: 2022, month: 2, day: 1))],
            components: (0..<Int.random(in: 1...3, using: &random)).map { position in
                Component(id: "k\(position)", label: "Volet \(position + 1)", basis: .fixed(Money(cents: Int64.random(in: 1...5_000_000_00, using: &random))))
            },
            installments: installments)
        convention.imputation = Imputation(code: codes[0])
        for position in convention.components.indices where Bool.random(using: &random) {
            convention.components[position].imputation = Imputation(code: codes.randomElement(using: &random)!)
        }
        return convention
    }

    static func money(_ cell: ReportCell) -> Money? {
        if case .money(let amount) = cell { return amount }
        return nil
    }

    static func year(_ cell: ReportCell) -> Int? {
        if case .integer(let year) = cell { return year }
        return nil
    }

    @Test func reportCreditsPerExerciceSumToTheEcheanciers() throws {
        var random = Seeded(state: 2023)
        for _ in 0..<1_000 {
            var commitments: [BudgetCommitment] = []
            var expected: [Int?: Money] = [:]
            var total = Money.zero
            for index in 0..<Int.random(in: 1...4, using: &random) {
                let compiled = try CompiledConvention(try Self.convention(index, using: &random))
                for installment in try compiled.schedule().installments {
                    expected[installment.dueDate?.year] = try (expected[installment.dueDate?.year] ?? .zero) + installment.amount
                    total = try total + installment.amount
                }
                commitments += try BudgetCommitment.commitments(of: compiled, bilan: Bilan(), payments: [])
            }
            let ledger = try BudgetLedger(budgets: [], commitments: commitments)
            let report = try BudgetReport.build(ledger: ledger, findings: ledger.findings, asOf: CalendarDate(year: 2024, month: 6, day: 30))
            let section = try #require(report.sections.first { $0.id == "exercices" })
            guard case .table(let table) = section.content else {
                Issue.record("la section « exercices » n'est pas un tableau")
                return
            }
            var seen: [Int?: Money] = [:]
            for row in table.rows { seen[Self.year(row[0])] = Self.money(row[1]) }
            #expect(seen == expected)
            #expect(table.total.flatMap { Self.money($0[1]) } == total)
        }
    }
}
