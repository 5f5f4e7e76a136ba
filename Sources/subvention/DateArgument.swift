import ArgumentParser
import SubventionCore

extension CalendarDate: ExpressibleByArgument {
    /// Parses `2025-01-31` or `31/01/2025` on the command line.
    public init?(argument: String) {
        // Optional lookup: ArgumentParser refuses a nil value with the option's name and exit code 64.
        guard let date = try? CalendarDate(parsing: argument) else { return nil }
        self = date
    }
}

/// An event and its date given on the command line: `bilan-recu=2026-01-15`.
struct EventArgument: ExpressibleByArgument {
    let name: String
    let date: CalendarDate

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        // Optional lookup: ArgumentParser refuses a nil value with the option's name and exit code 64.
        guard parts.count == 2, let date = try? CalendarDate(parsing: String(parts[1])) else { return nil }
        name = String(parts[0])
        self.date = date
    }
}
