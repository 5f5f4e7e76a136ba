import Foundation
import PropertyBased
import SubventionCSV
import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 13: the integer kernel and the traced path give the same figures or the same error over the whole input
/// domain (missing, zero, negative, huge numerators and denominators, values of the wrong kind), on every bundled
/// convention and programme operation the kernel takes and on conventions generated from them.
@Suite("Parité du noyau entier et du chemin tracé")
struct KernelParityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Every bundled convention (and programme model, as an operation sees it) the kernel compiles.
    static let conventions: [Convention] = {
        var found: [Convention] = []
        let files = (FileManager.default.enumerator(atPath: root + "/Conventions")?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        for file in files {
            guard let (loaded, _) = try? ConventionFiles.load(path: root + "/Conventions/" + file) else { continue }
            switch loaded {
            case .convention(let convention): found.append(convention)
            case .programme(let programme):
                guard let evaluator = try? ProgrammeEvaluator(programme.programme) else { continue }
                for operation in programme.programme.operations {
                    if let terms = evaluator.terms(forOperation: operation.id) { found.append(terms.model.convention) }
                }
            case .bilan: continue
            }
        }
        return found.filter { convention in
            (try? CompiledConvention(convention)).flatMap(SettlementKernel.init) != nil
                && !convention.installments.contains { $0.alreadyPaid }
        }
    }()

    /// A deterministic generator of the input domain (seeded per case by the property test).
    struct Source {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
        /// An integer from the edges of the domain as often as from its middle.
        mutating func integer(_ typical: Int64) -> Int64 {
            switch below(10) {
            case 0: return 0
            case 1: return -Int64(below(1_000_000)) - 1
            case 2: return Int64.max - Int64(below(3))
            case 3: return Int64(1) << Int64(31 + below(32))
            case 4: return Int64(below(100))
            default: return Int64(next() % UInt64(max(typical, 1)))
            }
        }
        mutating func positive(_ typical: Int64) -> Int64 {
            switch below(6) {
            case 0: return 1
            case 1: return Int64.max - Int64(below(3))
            case 2: return Int64(1) << Int64(20 + below(43))
            case 3: return [3, 7, 10, 100, 1_000, 10_000][below(6)]
            default: return Int64(next() % UInt64(max(typical, 1))) + 1
            }
        }
    }

    /// A bilan value for `input` from anywhere in the domain, or nil (missing).
    static func value(for input: InputDeclaration, typical: Int64, _ source: inout Source) -> InputValue? {
        switch source.below(12) {
        case 0: return nil
        case 1:
            // The other kind: an amount for a quantity, a quantity for an amount.
            switch input.kind {
            case .money: return .quantity(Quantity(Rational(source.integer(500)), QuantityUnit("place")))
            case .quantity: return .money(Money(cents: source.integer(typical)))
            }
        default:
            switch input.kind {
            case .money: return .money(Money(cents: source.integer(typical)))
            case .quantity(let unit):
                guard let quantity = try? Rational(source.integer(typical), source.positive(100)) else { return nil }
                return .quantity(Quantity(quantity, unit))
            }
        }
    }

    /// Same figures, or the same error (overflows compare by kind: their operation text differs between paths).
    static func same(_ kernel: Result<SettlementFigures, EngineError>, _ traced: Result<SettlementFigures, EngineError>)
        -> Bool
    {
        switch (kernel, traced) {
        case (.success(let lhs), .success(let rhs)): return lhs == rhs
        case (.failure(.arithmetic), .failure(.arithmetic)): return true
        case (.failure(let lhs), .failure(let rhs)): return lhs == rhs
        default: return false
        }
    }

    /// One case: a convention, its inputs and a paid amount, through the kernel and the traced settlement.
    static func check(_ convention: Convention, _ source: inout Source) throws {
        let compiled = try CompiledConvention(convention)
        guard let kernel = SettlementKernel(compiled) else { return }
        let typical = max(compiled.total.cents * 2, 100)
        var values: [String: InputValue] = [:]
        for input in convention.inputs {
            if let value = value(for: input, typical: typical, &source) { values[input.key] = value }
        }
        let paid = Money(cents: source.below(4) == 0 ? Int64.max - Int64(source.below(2)) : Int64(source.below(Int(compiled.total.cents) + 1)))
        let traced = Result { () throws(EngineError) -> SettlementFigures in
            let settlement = try compiled.settle(Bilan(values: values, payments: [Payment(amount: paid)]))
            return SettlementFigures(due: settlement.due, paid: settlement.paid, outcome: settlement.outcome)
        }
        let fast = Result { () throws(EngineError) -> SettlementFigures in
            try kernel.figures(try kernel.values(values), paid: paid.cents)
        }
        #expect(same(fast, traced), "\(convention.id) \(values) payé \(paid.cents) : noyau \(fast), chemin tracé \(traced)")
    }

    /// A convention generated from `base`: its rates, ceilings, rounding and solde ceiling drawn anew, and
    /// ceilings added on its inputs (amount shares, prorata with huge objectives and ratios).
    static func generated(from base: Convention, _ source: inout Source) -> Convention {
        var convention = base
        let rules = RoundingRule.allCases
        convention.rounding = RoundingPolicy(rule: rules[source.below(rules.count)], unit: convention.rounding.unit)
        let moneyInputs = convention.inputs.filter { $0.kind == .money }.map(\.key)
        let quantityInputs = convention.inputs.compactMap { input -> (String, QuantityUnit)? in
            guard case .quantity(let unit) = input.kind else { return nil }
            return (input.key, unit)
        }
        func limit() -> Limit? {
            switch source.below(3) {
            case 0: return Limit(.amount(Money(cents: source.positive(10_000_000))), label: "plafond généré")
            case 1:
                guard !moneyInputs.isEmpty, let share = try? Rational(source.positive(100), source.positive(100)) else { return nil }
                return Limit(.input(key: moneyInputs[source.below(moneyInputs.count)], share: share), label: "part générée")
            default:
                guard !quantityInputs.isEmpty, let objective = try? Rational(source.positive(1_000), source.positive(10)),
                    let ratio = try? Rational(source.positive(3), source.positive(2))
                else { return nil }
                let (key, unit) = quantityInputs[source.below(quantityInputs.count)]
                return Limit(.prorata(realised: key, objective: Quantity(objective, unit), maximumRatio: ratio), label: "prorata généré")
            }
        }
        for index in convention.components.indices {
            if case .costShare(_, let cost, let planned, let costLimits) = convention.components[index].basis,
                let rate = try? Rational(source.positive(120), source.positive(100))
            {
                convention.components[index].basis = .costShare(rate: rate, costInput: cost, plannedCost: planned, costLimits: costLimits)
            }
            convention.components[index].rounding = RoundingPolicy(rule: rules[source.below(rules.count)])
            if let extra = limit() { convention.components[index].limits.append(extra) }
        }
        if let extra = limit() { convention.settlement.totalLimits.append(extra) }
        convention.settlement.soldeLimit = source.below(2) == 0 ? nil : WrittenFigure(Money(cents: source.positive(5_000_000)))
        return convention
    }

    @Test("Conventions fournies et générées : 12 000 cas, mêmes chiffres ou même erreur")
    func parity() async throws {
        let conventions = Self.conventions
        #expect(conventions.count >= 10, "conventions compilables par le noyau : \(conventions.map(\.id))")
        await propertyCheck(count: 12_000, input: Gen.uint64(), Gen.int(in: 0..<1_000), Gen.bool) { seed, pick, generate in
            var source = Source(state: seed | 1)
            let base = conventions[pick % conventions.count]
            let convention = generate ? Self.generated(from: base, &source) : base
            do {
                try Self.check(convention, &source)
            } catch {
                // A generated convention that does not compile is outside the kernel's domain.
                #expect(generate, "\(base.id) : \(error)")
            }
        }
    }

    @Test("Lignes de programme : 4 000 lignes du Pas-de-Calais, le lot et l'évaluation tracée concordent")
    func programmeRows() async throws {
        let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml")
        guard case .programme(let programme) = loaded else { throw LoadFailure([]) }
        let evaluator = try ProgrammeEvaluator(programme.programme)
        let settler = ProgrammeRowSettler(evaluator)
        let operations = programme.programme.operations
        let place = QuantityUnit("place")
        await propertyCheck(count: 4_000, input: Gen.uint64()) { seed in
            var source = Source(state: seed | 1)
            let operation = operations[source.below(operations.count)]
            var row = ProgrammeRow(
                line: 2, operation: operation.tableLabels.first ?? operation.id, territory: "T", structure: "S",
                quantity: source.below(8) == 0 ? nil : try? Rational(source.integer(500), source.positive(10)),
                declaredAmount: Money(cents: source.integer(10_000_000)))
            if source.below(6) != 0 { row.values["quantite-realisee"] = .quantity(Quantity(Rational(source.integer(600)), place)) }
            if source.below(6) != 0 { row.values["cout-action"] = .money(Money(cents: source.integer(20_000_000))) }
            if source.below(3) != 0 { row.parameters["avance"] = Money(cents: source.integer(5_000_000)) }
            let fast = Result { () throws(EngineError) in try settler.settle(row) }
            let traced = Result { () throws(EngineError) -> ProgrammeRowSettler.RowFigures in
                let evaluation = try evaluator.evaluate(row)
                return ProgrammeRowSettler.RowFigures(
                    operationID: evaluation.operationID, computedAmount: evaluation.computedAmount,
                    difference: evaluation.difference,
                    settlement: evaluation.settlement.map { SettlementFigures(due: $0.due, paid: $0.paid, outcome: $0.outcome) })
            }
            switch (fast, traced) {
            case (.success(let lhs), .success(let rhs)): #expect(lhs == rhs, "\(row)")
            case (.failure(.arithmetic), .failure(.arithmetic)): break
            case (.failure(let lhs), .failure(let rhs)): #expect(lhs == rhs, "\(row)")
            default: Issue.record("\(row) : lot \(fast), chemin tracé \(traced)")
            }
        }
    }

    // The divergences of issue 13, one by one.

    static func referent() throws -> (ProgrammeOperationTerms, SettlementKernel) {
        let (loaded, _) = try ConventionFiles.load(path: root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml")
        guard case .programme(let programme) = loaded else { throw LoadFailure([]) }
        let terms = try #require(try ProgrammeEvaluator(programme.programme).terms(forOperation: "op1-referent-solidarite"))
        return (terms, try #require(terms.kernel))
    }

    @Test("Un coût de −1,00 € est refusé par les deux chemins, avec le même message")
    func negativeCost() throws {
        let (terms, kernel) = try Self.referent()
        let compiled = terms.model
        let values: [String: InputValue] = [
            "cout-action": .money(Money(cents: -100)), "quantite-realisee": .quantity(Quantity(Rational(130), QuantityUnit("place"))),
        ]
        let expected = EngineError.inputMismatch(key: "cout-action", expected: "un montant positif ou nul", found: Money(cents: -100).french)
        #expect(expected.description.contains("-1,00"))
        #expect(throws: expected) { try compiled.settle(Bilan(values: values)) }
        #expect(throws: expected) { try kernel.values(values) }
        // Given to the kernel directly, without going through the layout.
        var raw = kernel.emptyValues
        raw[try #require(kernel.slot("cout-action"))] = KernelValue(numerator: -100)
        raw[try #require(kernel.slot("quantite-realisee"))] = KernelValue(numerator: 130)
        #expect(throws: expected) { try kernel.figures(raw, paid: 0, rowAmount: 2_080_000, rowQuantity: KernelValue(numerator: 130)) }
    }

    @Test("Une entrée manquante nomme sa composante dans les deux chemins")
    func missingInputNamesComponent() throws {
        let (terms, kernel) = try Self.referent()
        let values: [String: InputValue] = ["quantite-realisee": .quantity(Quantity(Rational(130), QuantityUnit("place")))]
        let general = #expect(throws: EngineError.self) {
            try terms.figures(
                amount: Money(cents: 2_080_000), quantity: Rational(130), slotted: try terms.model.inputSlots(values), paid: .zero)
        }
        let fast = #expect(throws: EngineError.self) {
            try kernel.figures(try kernel.values(values), paid: 0, rowAmount: 2_080_000, rowQuantity: KernelValue(numerator: 130))
        }
        #expect(fast == general)
        guard case .missingInput(let key, _, let component)? = fast else { throw LoadFailure([]) }
        #expect(key == "cout-action")
        #expect(component == "op1-referent-solidarite")
    }

    @Test("Un nombre de valeurs faux lève une erreur, sans lecture hors du tableau")
    func valueCount() throws {
        let (_, kernel) = try Self.referent()
        #expect(throws: EngineError.valueCount(expected: 2, found: 1, what: "valeurs d'entrée")) {
            try kernel.figures([KernelValue(numerator: 1)], paid: 0)
        }
        #expect(throws: EngineError.valueCount(expected: 2, found: 3, what: "valeurs d'entrée")) {
            try kernel.figures(kernel.emptyValues + [.missing], paid: 0)
        }
    }

    @Test("Une décimale trop longue est refusée par la lecture du tableau, entier comme en flux")
    func overLongDecimal() throws {
        let overLong = "197,530000000000000000001"
        #expect(throws: (any Error).self) { try TableCell.quantity(overLong) }
        #expect(throws: (any Error).self) { try TableCell.amount(overLong) }
        #expect(throws: (any Error).self) { try TableCell.amount("197,531 €") }
        #expect(try TableCell.amount("197,53 €") == Money(cents: 19_753))
    }

    @Test("Cellules du tableau : la lecture rapide donne la valeur des lecteurs généraux, sur 20 000 textes")
    func fastCells() async {
        let alphabet: [String] = ["0", "1", "5", "9", " ", ",", ".", " €", "€", "-", "\u{A0}", "+", "e", "12", "000", "800"]
        await propertyCheck(count: 20_000, input: Gen.int(in: 0..<Int.max), Gen.int(in: 1...12)) { seed, length in
            var source = Source(state: UInt64(seed) | 1)
            let text = (0..<length).map { _ in alphabet[source.below(alphabet.count)] }.joined()
            let amount = Result { try TableCell.amount(text) }
            let general = Result { () throws -> Money in
                let value = try Money(parsing: text)
                guard value.cents >= 0 else { throw DomainError(text: text, expected: "") }
                return value
            }
            #expect((try? amount.get()) == (try? general.get()), "« \(text) »")
            let quantity = Result { try TableCell.quantity(text) }
            let generalQuantity = Result { () throws -> Rational in
                let value = try Rational(parsingDecimal: text)
                guard value >= .zero else { throw DomainError(text: text, expected: "") }
                return value
            }
            #expect((try? quantity.get()) == (try? generalQuantity.get()), "« \(text) »")
            // The bytes of a field (`batch`): when the fast reading takes them, it gives the general value.
            let bytes = Array(text.utf8)[...]
            if let fast = TableCell.fastAmount(bytes) { #expect(fast == (try? general.get()), "« \(text) »") }
            if let fast = TableCell.fastQuantity(bytes) { #expect(fast == (try? generalQuantity.get()), "« \(text) »") }
        }
        #expect(TableCell.fastDigits("20 800,00 €", currency: true)! == (2_080_000, 2))
        #expect(TableCell.fastAmount(Array("20 800,00 €".utf8)[...]) == Money(cents: 2_080_000))
        let quantity = TableCell.fastQuantity(Array("337,5".utf8)[...])
        #expect(quantity?.numerator == 675 && quantity?.denominator == 2)
        #expect(TableCell.fastDigits("1.300", currency: false) == nil)
        #expect(TableCell.fastDigits("20 80 €", currency: true) == nil)
    }

    @Test("Un enregistrement lu depuis ses octets (batch) : la ligne du lecteur général, sur le bilan et 5 000 enregistrements altérés")
    func fastRows() async throws {
        let (loaded, layout, records) = try FastSettlerParityTests.programme()
        // Every record of the bilan is a common one: read from its bytes, it is the row read whole.
        for record in records {
            #expect(Self.sameRow(layout, record.fields, line: record.line) == true, "ligne \(record.line)")
        }
        #expect(records.map { $0.line } == loaded.rows.map(\.line))
        // A field replaced by generated text: either the fast reading declines, or it gives the general row.
        let alphabet: [String] = ["0", "5", "9", " ", ",", ".", " €", "-", "\u{A0}", "é", "\u{65}\u{301}", "x", "\"", "800"]
        await propertyCheck(count: 5_000, input: Gen.int(in: 0..<Int.max), Gen.int(in: 0...8)) { seed, length in
            var source = Source(state: UInt64(seed) | 1)
            var record = records[source.below(records.count)]
            let column = source.below(record.fields.count)
            record.fields[column] = Array((0..<length).map { _ in alphabet[source.below(alphabet.count)] }.joined().utf8)
            if source.below(8) == 0 { record.fields[column] = [0xC3] }  // not UTF-8
            #expect(Self.sameRow(layout, record.fields, line: record.line) != false, "colonne \(column + 1)")
        }
    }

    /// Nil when the fast reading declines the record; else whether the general reader gives the same row, without
    /// a problem.
    static func sameRow(_ layout: ProgrammeTableLayout, _ fields: [[UInt8]], line: Int) -> Bool? {
        let slices = fields.map { $0[...] }
        guard let fast = layout.fastRow(slices, line: line) else { return nil }
        guard case .success(let strings) = ProgrammeTableLayout.strings(slices) else { return false }
        var problems = 0
        let row = layout.row(strings, line: line) { _, _ in problems += 1 }
        return problems == 0 && row == fast
    }
}
