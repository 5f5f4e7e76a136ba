import Foundation

extension CSVReader {
    /// Streams the records of a file in chunks of `chunkSize` bytes: memory stays flat whatever the file's size.
    ///
    /// Lines are handed to libcsv whole, so line numbers stay exact; a BOM at the start is skipped.
    /// - Throws: ``CSVError`` for an unreadable file or malformed quoting, or what `body` throws.
    public static func forEachRecord(
        path: String, delimiter: CSVDelimiter, chunkSize: Int = 1 << 20,
        _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) throws(CSVError) -> Void
    ) throws(CSVError) {
        var failure: CSVError?
        try forEachChunk(path: path, chunkSize: chunkSize) { chunk in
            var fromBody = false
            do throws(CSVError) {
                try forEachRecord(bytes: chunk.bytes, file: path, delimiter: delimiter) { (line, fields) throws(CSVError) in
                    do throws(CSVError) {
                        try body(line + chunk.firstLine - 1, fields)
                    } catch {
                        fromBody = true
                        throw error
                    }
                }
                return true
            } catch {
                // The parser counts lines from the chunk's start; `body` was given the file's lines.
                failure = fromBody ? error : error.shifted(lines: chunk.firstLine - 1)
                return false
            }
        }
        if let failure { throw failure }
    }

    /// Hands the file to `body` in chunks of whole records of about `chunkSize` bytes (a BOM at the start is
    /// skipped), each with the line it starts on, until `body` returns false. A chunk ends on a line end outside
    /// quotes, so each can be parsed on its own (``forEachRecord(bytes:file:delimiter:_:)``), on any thread.
    /// - Throws: ``CSVError`` when the file cannot be opened.
    public static func forEachChunk(path: String, chunkSize: Int = 1 << 20, _ body: (CSVChunk) -> Bool) throws(CSVError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError(file: path, line: 0, column: 0, message: "fichier introuvable ou illisible")
        }
        // Optional lookup: closing a file that was only read cannot lose data; what was read is already checked.
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var firstLine = 1
        var atStart = true
        while true {
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty { break }
            carry.append(contentsOf: data)
            if atStart, carry.count >= 3 {
                if carry.starts(with: [0xEF, 0xBB, 0xBF]) { carry.removeFirst(3) }
                atStart = false
            }
            guard let (lastNewline, lines) = lastRecordEnd(in: carry) else { continue }
            let complete = Array(carry[...lastNewline])
            carry.removeSubrange(...lastNewline)
            guard body(CSVChunk(bytes: complete, firstLine: firstLine)) else { return }
            firstLine += lines
        }
        if !carry.isEmpty { _ = body(CSVChunk(bytes: carry, firstLine: firstLine)) }
    }

    /// The last line end of `bytes` outside quotes (a quoted field may hold line ends), if any, with the number
    /// of line ends up to it.
    static func lastRecordEnd(in bytes: [UInt8]) -> (index: Int, lines: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            // The common chunk has no quote at all: its last line end, and the line ends up to it, found by memchr.
            if memchr(base, 0x22, buffer.count) == nil {
                var last: Int?
                var lines = 0
                var start = 0
                while start < buffer.count, let hit = memchr(base + start, 0x0A, buffer.count - start) {
                    let index = UnsafeRawPointer(base).distance(to: hit)
                    last = index
                    lines += 1
                    start = index + 1
                }
                return last.map { ($0, lines) }
            }
            var quoted = false
            var last: Int?
            var lines = 0
            var linesToLast = 0
            for index in buffer.indices {
                let byte = buffer[index]
                if byte == 0x22 {
                    quoted.toggle()
                } else if byte == 0x0A {
                    lines += 1
                    if !quoted {
                        last = index
                        linesToLast = lines
                    }
                }
            }
            return last.map { ($0, linesToLast) }
        }
    }
}
