import Foundation
import PropertyBased
import SubventionCSV
import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 13: a record settled from its bytes (``ProgrammeFastSettler``, the path of millions of rows in `batch`)
/// has the figures of the general path — the table reader's row settled by ``ProgrammeRowSettler`` — or is
/// declined; it never gives a figure the general path would not give, nor hides an error.
@Suite("Ligne calculée depuis ses octets : les chiffres du chemin général, ou refus")
struct FastSettlerParityTests {
    static let root = KernelParityTests.root

    static func programme() throws -> (LoadedProgramme, ProgrammeTableLayout, [(line: Int, fields: [[UInt8]])]) {
        let file = root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml"
        let tablePath = root + "/Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv"
        let bytes = try CSVFile.read(path: tablePath)
        let (loaded, _) = try ConventionFiles.programme(text: try ConventionFiles.readText(path: file), file: file) {
            (_) throws(CSVError) in TableFile(path: tablePath, bytes: bytes)
        }
        let layout = try #require(loaded.tableLayout)
        var records: [(line: Int, fields: [[UInt8]])] = []
        try CSVReader.forEachRecord(bytes: bytes, delimiter: layout.delimiter) { (line, fields) throws(CSVError) in
            records.append((line, fields.map { Array($0) }))
        }
        records.removeFirst()
        return (loaded, layout, records)
    }

    /// Whether the fast figures of `fields` are the general path's: nil when the fast path declines.
    static func same(
        _ layout: ProgrammeTableLayout, _ settler: ProgrammeRowSettler, _ fast: ProgrammeFastSettler, _ fields: [[UInt8]],
        line: Int, share: Rational?
    ) -> Bool? {
        let slices = fields.map { $0[...] }
        guard let figures = fast.settle(slices, avanceShare: share) else { return nil }
        guard case .success(let strings) = ProgrammeTableLayout.strings(slices) else { return false }
        var problems = 0
        guard let row = layout.row(strings, line: line, report: { _, _ in problems += 1 }), problems == 0 else { return false }
        var defaults: [String: Money] = [:]
        if let share {
            guard let avance = try? row.declaredAmount.multiplied(by: share, rounding: .nearestCent) else { return false }
            defaults["avance"] = avance
        }
        guard let general = try? settler.settle(row, defaultParameters: defaults) else { return false }
        return figures.operationID == general.operationID && figures.declared == row.declaredAmount
            && figures.quantity == row.quantity && figures.computed == general.computedAmount
            && figures.difference == general.difference && figures.settlement == general.settlement
            && figures.avance == row.parameters["avance"]
    }

    @Test("Les 12 lignes du bilan de l'Arrageois : chiffres directs = chemin général (dont Dainville, titre de 208,00 €)")
    func bundledRecords() throws {
        let (loaded, layout, records) = try Self.programme()
        let settler = ProgrammeRowSettler(try ProgrammeEvaluator(loaded.programme))
        let fast = ProgrammeFastSettler(layout: layout, settler: settler)
        for record in records {
            for share in [nil, try Rational(1, 2), try Rational(1, 3)] as [Rational?] {
                #expect(Self.same(layout, settler, fast, record.fields, line: record.line, share: share) == true, "ligne \(record.line)")
            }
        }
        let dainville = try #require(records.first { String(decoding: $0.fields[0], as: UTF8.self) == "406" })
        let figures = try #require(fast.settle(dainville.fields.map { $0[...] }, avanceShare: nil))
        #expect(figures.settlement?.due == Money(cents: 83_200))
        #expect(figures.settlement?.outcome == .reversement(Money(cents: 20_800)))
    }

    @Test("20 000 lignes mutées (1 à 3 champs, textes, chiffres extrêmes, vides, autres libellés, part d'avance) : mêmes chiffres ou refus")
    func mutatedRecords() async throws {
        let (loaded, layout, records) = try Self.programme()
        let evaluator = try ProgrammeEvaluator(loaded.programme)
        let labels = records.map { $0.fields[1] } + loaded.programme.operations.flatMap { [$0.id, $0.label] }.map { Array($0.utf8) }
        let alphabet: [String] = [
            "0", "1", "5", "9", " ", ",", ".", " €", "-", "\u{A0}", "é", "x", "\"", "800", "999999999999", "00",
        ]
        let shares: [Rational?] = [nil, try Rational(0, 1), try Rational(1, 2), try Rational(1, 1), try Rational(2, 3)]
        let counts = Counts()
        await propertyCheck(count: 20_000, input: Gen.int(in: 0..<Int.max)) { seed in
            var source = KernelParityTests.Source(state: UInt64(seed) | 1)
            let settler = ProgrammeRowSettler(evaluator)
            let fast = ProgrammeFastSettler(layout: layout, settler: settler)
            var record = records[source.below(records.count)]
            for _ in 0...source.below(3) {
                let column = source.below(record.fields.count)
                switch source.below(6) {
                case 0: record.fields[column] = []
                case 1: record.fields[column] = labels[source.below(labels.count)]
                default:
                    record.fields[column] = Array(
                        (0..<source.below(7)).map { _ in alphabet[source.below(alphabet.count)] }.joined().utf8)
                }
            }
            let share = shares[source.below(shares.count)]
            let same = Self.same(layout, settler, fast, record.fields, line: record.line, share: share)
            #expect(same != false, "champs \(record.fields.map { String(decoding: $0, as: UTF8.self) }), part \(String(describing: share))")
            counts.add(same == true)
        }
        // The property is not vacuous: a good share of the mutated records is settled from its bytes.
        #expect(counts.settled > 2_000, "\(counts.settled) lignes calculées directement sur 20 000")
    }

    @Test("17 chiffres d'euros (« 99 999 999 999 999 999 € ») : les centimes débordent, une erreur et non un arrêt du programme")
    func seventeenDigitEuros() throws {
        for text in ["99 999 999 999 999 999 €", "99999999999999999", "999 999 999 999 999 999 999 €"] {
            #expect(TableCell.fastAmount(Array(text.utf8)[...]) == nil, "\(text)")
            #expect(throws: (any Error).self) { try TableCell.amount(text) }
        }
        #expect(try TableCell.amount("92 233 720 368 547 758,07 €") == Money(cents: Int64.max))
        #expect(TableCell.fastAmount(Array("999 999 999 999 999,99 €".utf8)[...]) == Money(cents: 99_999_999_999_999_999))
    }

    final class Counts: @unchecked Sendable {
        let lock = NSLock()
        var settled = 0
        func add(_ settledDirectly: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if settledDirectly { settled += 1 }
        }
    }
}
