// The benchmark of issue 6: the engine the CLI uses, conventions loaded from Conventions/, timed in release mode.
//
//   subvention-bench engine  ROWS.csv RESULTS.csv   rows in memory → settlements in memory (+ one-settlement latency)
//   subvention-bench csv     ROWS.csv OUT.csv       CSV file → CSV file through libcsv, streamed
//
// Prints one JSON line. Run by Benchmarks/run.sh, which compares with OpenFisca.
import Foundation
import SubventionCSV
import SubventionCore

let programmePath = ProcessInfo.processInfo.environment["SUBVENTION_BENCH_PROGRAMME"]
    ?? "Conventions/pas-de-calais/inclusion-durable-2023.yaml"
let arguments = CommandLine.arguments
guard arguments.count == 4, ["engine", "csv"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: subvention-bench engine|csv ROWS.csv OUT.csv\n".utf8))
    exit(2)
}
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func peakRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

func json(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n"
}

/// The engine loop over `range`, writing each row's figures into the result buffers.
@Sendable func settle(
    _ rows: UnsafeBufferPointer<BenchmarkRow>, _ range: Range<Int>, batch: RowBatch, kernels: borrowing SettlementKernel.Borrowed,
    due: UnsafeMutableBufferPointer<Int64>, solde: UnsafeMutableBufferPointer<Int64>, titre: UnsafeMutableBufferPointer<Int64>
) throws {
    for index in range {
        (due[index], solde[index], titre[index]) = try batch.settle(rows[index], on: kernels)
    }
}

/// The median time of `runs` runs of `body`, after one run to warm caches and pages up.
func medianSeconds(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        try body()
        samples.append(seconds(clock.now - start))
    }
    return samples.sorted()[runs / 2]
}

/// Settles every row on `threads` threads (each with its own values buffer); returns the figures.
func settleAll(_ rows: [BenchmarkRow], settler: RowSettler, threads: Int) throws -> (due: [Int64], solde: [Int64], titre: [Int64]) {
    var due = [Int64](repeating: 0, count: rows.count)
    var solde = [Int64](repeating: 0, count: rows.count)
    var titre = [Int64](repeating: 0, count: rows.count)
    let failure = FailureBox()
    rows.withUnsafeBufferPointer { rows in
        due.withUnsafeMutableBufferPointer { due in
            solde.withUnsafeMutableBufferPointer { solde in
                titre.withUnsafeMutableBufferPointer { titre in
                    nonisolated(unsafe) let (rows, due, solde, titre) = (rows, due, solde, titre)
                    let chunk = (rows.count + threads - 1) / threads
                    DispatchQueue.concurrentPerform(iterations: threads) { thread in
                        let range = min(thread * chunk, rows.count)..<min((thread + 1) * chunk, rows.count)
                        do {
                            try settler.withBatch { batch, kernels in
                                try settle(rows, range, batch: batch, kernels: kernels, due: due, solde: solde, titre: titre)
                            }
                        } catch {
                            failure.set("\(error)")
                        }
                    }
                }
            }
        }
    }
    if let message = failure.message { throw BenchmarkError(message) }
    return (due, solde, titre)
}

/// One chunk of a CSV → CSV run: its records settled and written as CSV.
struct ChunkResult: Sendable {
    var bytes: [UInt8] = []
    var count = 0
    var error: String?

    static func settle(_ chunk: CSVChunk, path: String, settler: RowSettler, dialect: CSVDialect) -> ChunkResult {
        var writer = CSVWriter(dialect: dialect)
        var result = ChunkResult()
        var header = chunk.firstLine == 1
        let operationKeys = settler.operationKeys
        do {
            try settler.withBatch { batch, kernels in
                try CSVReader.forEachRecord(bytes: chunk.bytes, file: path, delimiter: .comma) { (line, fields) throws(CSVError) in
                    if header {
                        header = false
                        return
                    }
                    let fileLine = line + chunk.firstLine - 1
                    let row = try BenchmarkRow(fields, line: fileLine, path: path, operationKeys: operationKeys)
                    let figures: (due: Int64, solde: Int64, titre: Int64)
                    do {
                        figures = try batch.settle(row, on: kernels)
                    } catch {
                        throw CSVError(file: path, line: fileLine, column: 1, message: "\(error)")
                    }
                    writer.writeInteger(row.id, first: true)
                    writer.writeInteger(figures.due, first: false)
                    writer.writeInteger(figures.solde, first: false)
                    writer.writeInteger(figures.titre, first: false)
                    writer.endRecord()
                    result.count += 1
                }
            }
        } catch {
            result.error = "\(error)"
        }
        result.bytes = writer.takeBytes()
        return result
    }
}

extension CSVWriter {
    /// A whole number, its digits straight into the buffer (a sign before them when negative).
    mutating func writeInteger(_ value: Int64, first: Bool) {
        if value >= 0 {
            writeDigits(UInt64(value), first: first)
        } else {
            writeField("-\(value.magnitude)", first: first)
        }
    }
}

/// The first error of a parallel loop.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var message: String?
    func set(_ text: String) {
        lock.lock()
        if message == nil { message = text }
        lock.unlock()
    }
}

do {
    let settler = try RowSettler(programmePath: programmePath)
    let input = arguments[2]
    let output = arguments[3]
    if arguments[1] == "engine" {
        let loadStart = clock.now
        let rows = try BenchmarkRow.readAll(path: input, operationKeys: settler.operationKeys)
        let loadSeconds = seconds(clock.now - loadStart)
        let singleThreadSeconds = try medianSeconds { _ = try settleAll(rows, settler: settler, threads: 1) }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let engineSeconds = try medianSeconds { _ = try settleAll(rows, settler: settler, threads: threads) }
        let (due, solde, titre) = try settleAll(rows, settler: settler, threads: threads)
        // One settlement through the public library API, with its trace, as `subvention settle` computes it.
        let evaluator = settler.evaluator
        let first = rows[0]
        let operation = settler.terms[first.operation].operation
        let row = ProgrammeRow(
            line: 2, operation: operation.id, territory: "", structure: "", quantity: Rational(first.places),
            declaredAmount: try settler.terms[first.operation].computedAmount(quantity: Rational(first.places), printed: .zero))
        let bilan = Bilan(
            values: [
                "quantite-realisee": .quantity(Quantity(Rational(first.realised), settler.unit)),
                "cout-action": .money(Money(cents: first.cost)),
            ], payments: [Payment(installment: "avance", amount: Money(cents: first.avance))])
        var samples: [Double] = []
        samples.reserveCapacity(20_000)
        for _ in 0..<20_000 {
            let begin = clock.now
            let settlement = try evaluator.settle(row, bilan: bilan)
            samples.append(seconds(clock.now - begin))
            precondition(settlement.due.cents == due[0], "le chemin par lot et l'API publique divergent")
        }
        samples.sort()
        var writer = CSVWriter(dialect: CSVDialect(delimiter: .comma, lineEnd: "\n", neutralisesFormulas: false))
        writer.write(["row", "due_cents", "solde_cents", "titre_cents"])
        for index in 0..<rows.count {
            writer.write([String(rows[index].id), String(due[index]), String(solde[index]), String(titre[index])])
        }
        try CSVFile.write(writer.bytes, to: output)
        print(json([
            ("engine", "\"subvention\""), ("mode", "\"engine\""), ("n", String(rows.count)), ("load_seconds", String(loadSeconds)),
            ("batch_seconds", String(engineSeconds)), ("rows_per_second", String(Double(rows.count) / engineSeconds)),
            ("threads", String(threads)), ("single_thread_rows_per_second", String(Double(rows.count) / singleThreadSeconds)),
            ("single_seconds", String(samples[samples.count / 2])), ("peak_rss_kb", String(peakRSSKilobytes())),
        ]), terminator: "")
    } else {
        let size = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.intValue ?? 0
        let temporary = output + ".partiel"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else { throw BenchmarkError("\(temporary) : création impossible") }
        guard let handle = FileHandle(forWritingAtPath: temporary) else { throw BenchmarkError("\(output) : écriture impossible") }
        let start = clock.now
        // As `subvention batch` does: the file in chunks of whole records, each parsed, settled and written on a
        // worker thread (OrderedPipeline), the chunks written back in the file's order.
        let dialect = CSVDialect(delimiter: .comma, lineEnd: "\n", neutralisesFormulas: false)
        var writer = CSVWriter(dialect: dialect)
        writer.write(["row", "due_cents", "solde_cents", "titre_cents"])
        var count = 0
        var failure: String?
        let threads = ProcessInfo.processInfo.activeProcessorCount
        var pipeline = OrderedPipeline<CSVChunk, ChunkResult>(window: 2 * threads) { chunk in
            ChunkResult.settle(chunk, path: input, settler: settler, dialect: dialect)
        }
        handle.write(Data(writer.takeBytes()))
        func take(_ result: ChunkResult) {
            guard failure == nil else { return }
            if let error = result.error { failure = error }
            handle.write(Data(result.bytes))
            count += result.count
        }
        try CSVReader.forEachChunk(path: input) { chunk in
            for result in pipeline.submit(chunk) { take(result) }
            return failure == nil
        }
        for result in pipeline.drain() { take(result) }
        if let failure { throw BenchmarkError(failure) }
        handle.write(Data(writer.bytes))
        try handle.close()
        let elapsed = seconds(clock.now - start)
        guard rename(temporary, output) == 0 else { throw BenchmarkError("\(output) : renommage impossible") }
        print(json([
            ("engine", "\"subvention\""), ("mode", "\"csv\""), ("n", String(count)), ("csv_seconds", String(elapsed)),
            ("csv_mb_per_second", String(Double(size) / 1e6 / elapsed)), ("peak_rss_kb", String(peakRSSKilobytes())),
        ]), terminator: "")
    }
} catch {
    FileHandle.standardError.write(Data("subvention-bench: \(error)\n".utf8))
    exit(1)
}
