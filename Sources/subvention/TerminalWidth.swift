import Foundation

/// The width of the terminal text is written for (largeur du terminal), in columns.
///
/// `COLUMNS` when set to a positive number; else the width of the terminal standard output is (ioctl
/// `TIOCGWINSZ`); else 100, for output piped into a file or another program.
enum TerminalWidth {
    /// The width when neither `COLUMNS` nor a terminal says otherwise.
    static let piped = 100

    static var current: Int { current(terminal: true) }

    /// The width for standard output (`terminal: true`), or for a file (`COLUMNS`, else 100).
    static func current(terminal: Bool) -> Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if terminal, isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return piped
    }
}
