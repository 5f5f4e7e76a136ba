import SubventionCSV
import SubventionConventions
import SubventionCore
import SubventionReports

/// `batch` over a table of any size, for the machine formats: the table is read a chunk at a time through libcsv,
/// each row is settled on the integer kernel (``ProgrammeRowSettler``) and written straight to the output, so
/// memory stays flat. The rows and their total are those of the « lignes » table of ``BatchReport``, byte for byte.
///
/// Diagnostics are those of a table read whole (``ProgrammeTableLayout``), with the table's file, line and column,
/// at most ``maximumDiagnostics`` of them (then a count); the output is written whole or not at all.
struct BatchStream {
    static let maximumDiagnostics = 100

    let programme: Programme
    let layout: ProgrammeTableLayout
    let settler: ProgrammeRowSettler
    let avanceShare: Rational?
    let asOf: CalendarDate?

    /// What went wrong in a stream: located diagnostics (exit 2), or a row the engine refuses (exit 1).
    enum Failure: Error {
        case unreadable([Diagnostic], omitted: Int)
        case refused(String)
    }

    /// Streams the table's rows to `sink` as CSV in `dialect`.
    func csv(dialect: CSVDialect, into sink: inout OutputSink, progress: inout Progress) throws {
        var writer = CSVWriter(dialect: dialect)
        writer.write(CSVRenderer.header(BatchReport.lineColumns, dialect: dialect))
        var totals = BatchReport.LineTotals()
        try rows { (row, label, figures) throws in
            do {
                try totals.add(
                    declared: row.declaredAmount, computedAmount: figures.computedAmount, difference: figures.difference,
                    figures: figures.settlement)
            } catch {
                throw Failure.refused("\(layout.file):\(row.line): erreur: \(error)")
            }
            Self.writeLine(row, operationLabel: label, figures: figures, into: &writer)
            if writer.bytes.count >= 1 << 20 {
                sink.buffer.append(contentsOf: writer.takeBytes())
                try sink.flush()
            }
            progress.update(totals.count)
        }
        writer.write(CSVRenderer.fields(totals.cells, dialect: dialect))
        sink.buffer.append(contentsOf: writer.takeBytes())
    }

    /// Writes one row of the « lignes » table straight into the writer's buffer: the bytes of
    /// `CSVRenderer.fields(BatchReport.lineCells(…))`, without a cell or a string per figure (`BatchStreamTests`
    /// compares them with the report built whole).
    static func writeLine(
        _ row: ProgrammeRow, operationLabel: String, figures: ProgrammeRowSettler.RowFigures, into writer: inout CSVWriter
    ) {
        if let sourceLine = row.sourceLine {
            writer.writeField(sourceLine, first: true)
        } else {
            writer.writeDigits(UInt64(row.line), first: true)
        }
        writer.writeField(operationLabel, first: false)
        writer.writeField(row.territory, first: false)
        writer.writeField(row.structure, first: false)
        if let quantity = row.quantity {
            if quantity.denominator == 1, quantity.numerator >= 0 {
                writer.writeDigits(UInt64(quantity.numerator), first: false)
            } else {
                writer.writeField(CSVRenderer.fields([.number(quantity)], dialect: writer.dialect)[0], first: false)
            }
        } else {
            writer.writeEmptyField(first: false)
        }
        writer.writeCents(row.declaredAmount.cents, first: false)
        writer.writeCents(figures.computedAmount.cents, first: false)
        writer.writeCents(figures.difference.cents, first: false)
        let settlement = figures.settlement
        if let paid = settlement?.paid ?? row.parameters["avance"] {
            writer.writeCents(paid.cents, first: false)
        } else {
            writer.writeEmptyField(first: false)
        }
        if let settlement {
            writer.writeCents(settlement.due.cents, first: false)
            switch settlement.outcome {
            case .solde(let amount):
                writer.writeCents(amount.cents, first: false)
                writer.writeEmptyField(first: false)
            case .reversement(let amount):
                writer.writeEmptyField(first: false)
                writer.writeCents(amount.cents, first: false)
            case .settled:
                writer.writeCents(0, first: false)
                writer.writeEmptyField(first: false)
            }
        } else {
            writer.writeEmptyField(first: false)
            writer.writeEmptyField(first: false)
            writer.writeEmptyField(first: false)
        }
        writer.endRecord()
    }

    /// Reads the table a chunk at a time and hands each row, its operation's label and its figures to `body`.
    func rows(_ body: (ProgrammeRow, String, ProgrammeRowSettler.RowFigures) throws -> Void) throws {
        var diagnostics: [Diagnostic] = []
        var omitted = 0
        func report(_ line: Int, _ column: Int, _ message: String) {
            guard diagnostics.count < Self.maximumDiagnostics else {
                omitted += 1
                return
            }
            diagnostics.append(Diagnostic(severity: .error, file: layout.file, line: line, column: column, message: message))
        }
        let labels = Dictionary(programme.operations.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        var header = true
        var failure: Error?
        do {
            try CSVReader.forEachRecord(path: layout.file, delimiter: layout.delimiter) { (line, fields) throws(CSVError) in
                if header {
                    header = false
                    return
                }
                guard fields.count == layout.fieldCount else {
                    report(line, min(fields.count, layout.fieldCount) + 1,
                        "\(layout.fieldCount) champs attendus (en-tête), \(fields.count) trouvés")
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
                        report(line, error.column, error.message)
                        return
                    }
                    row = layout.row(strings, line: line) { column, message in
                        refused = true
                        report(line, column, message)
                    }
                }
                // Once a record is refused, the others are only read for their diagnostics.
                guard let row, !refused, diagnostics.isEmpty, omitted == 0 else { return }
                do {
                    var defaults: [String: Money] = [:]
                    if let avanceShare {
                        defaults["avance"] = try exact {
                            try row.declaredAmount.multiplied(by: avanceShare, rounding: .nearestCent)
                        }
                    }
                    let figures = try settler.settle(row, defaultParameters: defaults, asOf: asOf)
                    try body(row, labels[figures.operationID] ?? row.operation, figures)
                } catch let error as Failure {
                    failure = error
                    throw CSVError(file: layout.file, line: line, column: 0, message: "")
                } catch {
                    failure = Failure.refused("\(layout.file):\(line): erreur: \(error)")
                    throw CSVError(file: layout.file, line: line, column: 0, message: "")
                }
            }
        } catch {
            if let failure { throw failure }
            report(error.line, error.column, error.message)
        }
        if !diagnostics.isEmpty { throw Failure.unreadable(diagnostics, omitted: omitted) }
    }
}
