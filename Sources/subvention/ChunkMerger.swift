import SubventionCSV
import SubventionConventions
import SubventionCore

/// Puts the outcomes of a table's chunks back together in the table's order, as one reading of the whole table
/// would (« assemblage des blocs »): the rows of a chunk count only while no record before them was refused; the
/// first row the engine refuses stops everything; diagnostics are kept up to ``BatchStream/maximumDiagnostics``,
/// then counted; a chunk that cannot be parsed to its end stops the reading.
struct ChunkMerger {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var omitted = 0
    /// Whether the reading should stop (a chunk could not be parsed to its end).
    private(set) var stopped = false

    init(file: String) {
        self.file = file
    }

    /// Takes the next chunk's outcome: `accept` receives it when its rows count, then its refused row is thrown.
    /// - Throws: ``BatchStream/Failure/refused(_:)``, or what `accept` throws.
    mutating func take(_ outcome: ChunkOutcome, accept: (ChunkOutcome) throws -> Void) throws {
        guard !stopped else { return }
        if diagnostics.isEmpty, outcome.diagnostics.isEmpty {
            try accept(outcome)
            if let refused = outcome.refused { throw BatchStream.Failure.refused(refused) }
        }
        for diagnostic in outcome.diagnostics {
            if diagnostics.count < BatchStream.maximumDiagnostics {
                diagnostics.append(diagnostic)
            } else {
                omitted += 1
            }
        }
        omitted += outcome.omitted
        if outcome.stopsReading { stopped = true }
    }

    /// A file that cannot be read: its diagnostic, and the reading stops.
    mutating func report(_ error: CSVError) {
        guard !stopped else { return }
        if diagnostics.count < BatchStream.maximumDiagnostics {
            diagnostics.append(Diagnostic(severity: .error, file: file, line: error.line, column: error.column, message: error.message))
        } else {
            omitted += 1
        }
        stopped = true
    }

    /// - Throws: ``BatchStream/Failure/unreadable(_:omitted:)`` when any record was refused.
    func finish() throws {
        if !diagnostics.isEmpty { throw BatchStream.Failure.unreadable(diagnostics, omitted: omitted) }
    }
}
