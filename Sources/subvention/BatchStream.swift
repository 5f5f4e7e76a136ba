import SubventionCSV
import SubventionConventions
import SubventionCore
import SubventionReports

/// `batch` over a table of any size, for the machine formats: the table is read in chunks of whole records
/// (``CSVReader/forEachChunk(path:chunkSize:_:)``); each chunk is parsed through libcsv, its rows settled on the
/// integer kernel (``ProgrammeRowSettler``) and written to CSV bytes on another thread (``OrderedPipeline``), and
/// the chunks are put back in the table's order (``ChunkMerger``) and written out, so memory stays flat and every
/// core works. The rows and their total are those of the « lignes » table of ``BatchReport``, byte for byte.
///
/// Diagnostics are those of a table read whole (``ProgrammeTableLayout``), with the table's file, line and column,
/// at most ``maximumDiagnostics`` of them (then a count); the output is written whole or not at all.
struct BatchStream: Sendable {
    static let maximumDiagnostics = 100

    let programme: Programme
    let layout: ProgrammeTableLayout
    let evaluator: ProgrammeEvaluator
    let avanceShare: Rational?
    let asOf: CalendarDate?
    /// Each operation's label, by operation id (the « opération » column of the output).
    let labels: [String: String]
    /// Each operation's avance parameter, by operation id (the « avance » column of a row not settled).
    let avanceParameters: [String: String]

    init(programme: Programme, layout: ProgrammeTableLayout, evaluator: ProgrammeEvaluator, avanceShare: Rational?, asOf: CalendarDate?) {
        self.programme = programme
        self.layout = layout
        self.evaluator = evaluator
        self.avanceShare = avanceShare
        self.asOf = asOf
        labels = Dictionary(programme.operations.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        avanceParameters = Dictionary(
            programme.operations.compactMap { operation in
                programme.models[operation.model].flatMap { ProgrammeEvaluator.avanceParameter(of: $0.terms) }.map { (operation.id, $0) }
            }, uniquingKeysWith: { first, _ in first })
    }

    /// What went wrong in a stream: located diagnostics (exit 2), or a row the engine refuses (exit 1).
    enum Failure: Error {
        case unreadable([Diagnostic], omitted: Int)
        case refused(String)
    }

    /// Streams the table's rows to `sink` through the writers `makeWriter` gives (CSV or JSON lines), settling
    /// chunks on `workers` threads at a time; returns the findings of the programme's printed totals against the
    /// rows (``ProgrammeChecker/programmeFindings(_:rowFindings:)``), the rows' own differences summed up in one.
    /// - Parameter printedTotals: whether the table is the programme's own, whose printed totals the rows are checked
    ///   against (not a `--table` of realised figures).
    func write<Writer: BatchLineWriter>(
        _ makeWriter: @escaping @Sendable () -> Writer, workers: Int, printedTotals: Bool, into sink: inout OutputSink,
        progress: inout Progress
    ) throws -> [Finding] {
        var tally = ProgrammeTally()
        var differing = 0
        var writer = makeWriter()
        writer.header()
        sink.buffer.append(contentsOf: writer.takeBytes())
        var totals = BatchReport.LineTotals()
        var merger = ChunkMerger(file: layout.file)
        let stream = self
        var pipeline = OrderedPipeline<CSVChunk, ChunkOutcome>(window: 2 * max(workers, 1)) { chunk in
            var writer = makeWriter()
            return stream.lines(of: chunk, into: &writer)
        }
        // The rows of a chunk count once no diagnostic came before them (``ChunkMerger``).
        func take(_ outcome: ChunkOutcome, _ merger: inout ChunkMerger) throws {
            try merger.take(outcome) { outcome throws in
                for line in outcome.figures {
                    do {
                        try totals.add(
                            declared: line.declared, computedAmount: line.computed, difference: line.difference,
                            figures: line.settlement)
                    } catch {
                        throw Failure.refused("\(layout.file):\(line.line): erreur: \(error)")
                    }
                }
                do {
                    try tally.add(outcome.tally)
                } catch {
                    throw Failure.refused("\(layout.file): erreur: \(error)")
                }
                differing += outcome.differing
                sink.buffer.append(contentsOf: outcome.lines)
                try sink.flushIfFull()
                progress.show(totals.count)
            }
        }
        do {
            try forEachChunk(merging: &merger) { chunk, merger in
                for outcome in pipeline.submit(chunk) { try take(outcome, &merger) }
            }
        } catch {
            _ = pipeline.drain()  // no chunk still settling once this returns
            throw error
        }
        for outcome in pipeline.drain() { try take(outcome, &merger) }
        try merger.finish()
        writer.total(totals.cells)
        sink.buffer.append(contentsOf: writer.takeBytes())
        var rowFindings: [Finding] = []
        if differing > 0 {
            rowFindings.append(
                Finding(
                    severity: .warning, code: "ecart-ligne",
                    message: "\(French.count(differing, "ligne")) du tableau dont le montant imprimé diffère de quantité × taux "
                        + "(colonne « ecart »)",
                    subject: programme.id, clause: nil))
        }
        do {
            return try ProgrammeChecker(evaluator: evaluator, rows: []).programmeFindings(
                tally, rowFindings: rowFindings, printedTotals: printedTotals)
        } catch {
            throw Failure.refused("\(layout.file): erreur: \(error)")
        }
    }

    /// One chunk's rows written by `writer`, with their figures for the totals (run on a worker thread: its own
    /// settlers). Common records are settled from their bytes (``ProgrammeFastSettler``), the others through their
    /// row.
    func lines<Writer: BatchLineWriter>(of chunk: CSVChunk, into writer: inout Writer) -> ChunkOutcome {
        var figures: [ChunkOutcome.LineFigures] = []
        let settler = ProgrammeRowSettler(evaluator)
        let fast = ProgrammeFastSettler(layout: layout, settler: settler)
        let encodedLabels = labels.mapValues { writer.encoded($0) }
        // Per operation, in a short list: a chunk gives the same few operation ids (the same strings) row after
        // row, compared without hashing.
        var sums: [(operationID: String, sums: ProgrammeTally.Sums)] = []
        var last = 0
        var differing = 0
        var tallyFailure: String?
        func count(_ line: Int, _ operationID: String, _ declared: Money, _ quantity: Rational?, _ difference: Money) {
            if difference != .zero { differing += 1 }
            if last >= sums.count || sums[last].operationID != operationID {
                last = sums.firstIndex { $0.operationID == operationID } ?? sums.count
                if last == sums.count { sums.append((operationID, ProgrammeTally.Sums())) }
            }
            do {
                try sums[last].sums.add(declared: declared, quantity: quantity)
            } catch {
                if tallyFailure == nil { tallyFailure = "\(layout.file):\(line): erreur: \(error)" }
            }
        }
        var outcome = read(chunk, settler: settler, fast: fast) { row, label, rowFigures in
            count(row.line, rowFigures.operationID, row.declaredAmount, row.quantity, rowFigures.difference)
            figures.append(
                ChunkOutcome.LineFigures(
                    line: row.line, declared: row.declaredAmount, computed: rowFigures.computedAmount,
                    difference: rowFigures.difference, settlement: rowFigures.settlement))
            Self.writeLine(
                sourceLine: .string(row.sourceLine ?? String(row.line)), operationLabel: .string(label),
                territory: .string(row.territory), structure: .string(row.structure), quantity: row.quantity,
                declared: row.declaredAmount, computed: rowFigures.computedAmount, difference: rowFigures.difference,
                avance: avanceParameters[rowFigures.operationID].flatMap { row.parameters[$0] },
                settlement: rowFigures.settlement, into: &writer)
        } fastBody: { fields, line, settled in
            count(line, settled.operationID, settled.declared, settled.quantity, settled.difference)
            figures.append(
                ChunkOutcome.LineFigures(
                    line: line, declared: settled.declared, computed: settled.computed, difference: settled.difference,
                    settlement: settled.settlement))
            Self.writeLine(
                sourceLine: layout.sourceLine.map { .bytes(fields[$0]) } ?? .string(String(line)),
                operationLabel: encodedLabels[settled.operationID] ?? .string(settled.operationID),
                territory: .bytes(fields[layout.territory]), structure: .bytes(fields[layout.structure]),
                quantity: settled.quantity, declared: settled.declared, computed: settled.computed,
                difference: settled.difference, avance: settled.avance, settlement: settled.settlement, into: &writer)
        }
        outcome.lines = writer.takeBytes()
        outcome.figures = figures
        for (operationID, operationSums) in sums {
            do {
                try outcome.tally.add(operationID: operationID, sums: operationSums)
            } catch {
                if tallyFailure == nil { tallyFailure = "\(layout.file): erreur: \(error)" }
            }
        }
        outcome.differing = differing
        if outcome.refused == nil, let tallyFailure { outcome.refused = tallyFailure }
        return outcome
    }

    /// Writes one line of the « lignes » table: the cells of `BatchReport.lineCells`, field by field, without a cell
    /// or a string per figure (`BatchStreamTests` compares them with the report built whole).
    static func writeLine<Writer: BatchLineWriter>(
        sourceLine: LineText, operationLabel: LineText, territory: LineText, structure: LineText, quantity: Rational?,
        declared: Money, computed: Money, difference: Money, avance: Money?, settlement: SettlementFigures?,
        into writer: inout Writer
    ) {
        writer.text(sourceLine)
        writer.text(operationLabel)
        writer.text(territory)
        writer.text(structure)
        if let quantity { writer.quantity(quantity) } else { writer.empty() }
        writer.cents(declared.cents)
        writer.cents(computed.cents)
        writer.cents(difference.cents)
        if let paid = settlement?.paid ?? avance { writer.cents(paid.cents) } else { writer.empty() }
        if let settlement {
            writer.cents(settlement.due.cents)
            switch settlement.outcome {
            case .solde(let amount):
                writer.cents(amount.cents)
                writer.empty()
            case .reversement(let amount):
                writer.empty()
                writer.cents(amount.cents)
            case .settled:
                writer.cents(0)
                writer.empty()
            }
        } else {
            writer.empty()
            writer.empty()
            writer.empty()
        }
        writer.endLine()
    }

    /// Reads the table a chunk at a time, on this thread, and hands each row, its operation's label and its
    /// figures to `body` (`--expliquer`).
    func rows(_ body: (ProgrammeRow, String, ProgrammeRowSettler.RowFigures) -> Void) throws {
        let settler = ProgrammeRowSettler(evaluator)
        var merger = ChunkMerger(file: layout.file)
        try forEachChunk(merging: &merger) { chunk, merger in
            var settled: [(ProgrammeRow, String, ProgrammeRowSettler.RowFigures)] = []
            let outcome = read(chunk, settler: settler) { settled.append(($0, $1, $2)) }
            try merger.take(outcome) { _ in for (row, label, figures) in settled { body(row, label, figures) } }
        }
        try merger.finish()
    }

    /// Hands the table's chunks to `handle` with `merger`, until the merger stops the reading or `handle` throws; a
    /// file that cannot be read is reported to the merger.
    func forEachChunk(
        merging merger: inout ChunkMerger, _ handle: (CSVChunk, inout ChunkMerger) throws -> Void
    ) throws {
        var failure: Error?
        do {
            try CSVReader.forEachChunk(path: layout.file) { chunk in
                do {
                    try handle(chunk, &merger)
                    return !merger.stopped
                } catch {
                    failure = error
                    return false
                }
            }
        } catch {
            merger.report(error)
        }
        if let failure { throw failure }
    }

    /// Reads and settles the records of one chunk, as a reading of the whole table would: a record that cannot be
    /// read gives its diagnostics and the following ones are only read for theirs; a row the engine refuses stops
    /// the chunk. Each settled row goes to `body`.
    ///
    /// With `fast`, the common records are settled from their bytes and go to `fastBody` instead.
    func read(
        _ chunk: CSVChunk, settler: ProgrammeRowSettler, fast: ProgrammeFastSettler? = nil,
        _ body: (ProgrammeRow, String, ProgrammeRowSettler.RowFigures) -> Void,
        fastBody: (_ fields: [ArraySlice<UInt8>], _ line: Int, _ figures: ProgrammeFastSettler.Figures) -> Void = { _, _, _ in }
    ) -> ChunkOutcome {
        var outcome = ChunkOutcome()
        let offset = chunk.firstLine - 1
        var header = chunk.firstLine == 1
        do throws(CSVError) {
            try CSVReader.forEachRecord(bytes: chunk.bytes, file: layout.file, delimiter: layout.delimiter) {
                (chunkLine, fields) throws(CSVError) in
                let line = chunkLine + offset
                if header {
                    header = false
                    return
                }
                guard fields.count == layout.fieldCount else {
                    outcome.report(layout.file, line, min(fields.count, layout.fieldCount) + 1,
                        "\(layout.fieldCount) champs attendus (en-tête), \(fields.count) trouvés")
                    return
                }
                if let fast, outcome.diagnostics.isEmpty, let figures = fast.settle(fields, avanceShare: avanceShare) {
                    fastBody(fields, line, figures)
                    return
                }
                var refused = false
                // The common record is read from its bytes; any other through the one table reader, which alone
                // gives the diagnostics.
                var row = layout.fastRow(fields, line: line)
                if row == nil {
                    let strings: [String]
                    switch ProgrammeTableLayout.strings(fields) {
                    case .success(let text): strings = text
                    case .failure(let error):
                        outcome.report(layout.file, line, error.column, error.message)
                        return
                    }
                    row = layout.row(strings, line: line) { column, message in
                        refused = true
                        outcome.report(layout.file, line, column, message)
                    }
                }
                // Once a record is refused, the others are only read for their diagnostics.
                guard let row, !refused, outcome.diagnostics.isEmpty else { return }
                do {
                    let defaults = try evaluator.defaultParameters(for: row, avanceShare: avanceShare)
                    let figures = try settler.settle(row, defaultParameters: defaults, asOf: asOf)
                    body(row, labels[figures.operationID] ?? row.operation, figures)
                } catch {
                    outcome.refused = "\(layout.file):\(line): erreur: \(error)"
                    throw CSVError(file: layout.file, line: line, column: 0, message: "")
                }
            }
        } catch {
            if outcome.refused == nil {
                outcome.report(layout.file, error.line > 0 ? error.line + offset : 0, error.column, error.message)
                outcome.stopsReading = true
            }
        }
        return outcome
    }
}
