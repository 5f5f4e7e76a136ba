import SubventionConventions
import SubventionCore

/// What one chunk of a streamed table gave (« bloc lu ») : its rows written as CSV with the figures the totals
/// need, or the diagnostics of its records, or the row the engine refused.
struct ChunkOutcome: Sendable {
    /// One settled row's figures, for the totals of the table.
    struct LineFigures: Sendable {
        let line: Int
        let declared: Money
        let computed: Money
        let difference: Money
        let settlement: SettlementFigures?
    }

    /// The CSV lines of the chunk's settled rows.
    var lines: [UInt8] = []
    var figures: [LineFigures] = []
    /// The settled rows per operation, for the checks of the printed totals.
    var tally = ProgrammeTally()
    /// How many settled rows have a printed amount other than quantity × rate.
    var differing = 0
    /// At most ``BatchStream/maximumDiagnostics``, then counted in ``omitted``.
    var diagnostics: [Diagnostic] = []
    var omitted = 0
    /// The first row the engine refused (`file:line: erreur: …`); the chunk stops there.
    var refused: String?
    /// The chunk could not be parsed to its end (quoting): the table is not read further.
    var stopsReading = false

    mutating func report(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        guard diagnostics.count < BatchStream.maximumDiagnostics else {
            omitted += 1
            return
        }
        diagnostics.append(Diagnostic(severity: .error, file: file, line: line, column: column, message: message))
    }
}
