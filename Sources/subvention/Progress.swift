import Foundation

/// Progress of a long batch on stderr: shown only when stderr is a terminal and the batch takes over a second.
struct Progress {
    let total: Int
    let label: String
    let start = Date()
    let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private(set) var shown = false
    private var lastShown = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// Reports that `done` items are done (checked every 1 024 items, so the cost stays negligible).
    mutating func update(_ done: Int) {
        guard isTerminal, done % 1024 == 0, Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(label) : \(done)/\(total)".utf8))
    }

    /// Reports that `done` items are done, whatever their number (for work done in blocks; at most once a
    /// second).
    mutating func show(_ done: Int) {
        guard isTerminal, Date().timeIntervalSince(start) > 1 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 1 else { return }
        lastShown = now
        shown = true
        FileHandle.standardError.write(Data("\r\(label) : \(done)".utf8))
    }

    /// Clears the progress line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
