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
            let offset = firstLine - 1
            try forEachRecord(bytes: complete, file: path, delimiter: delimiter) { (line, fields) throws(CSVError) in
                try body(line + offset, fields)
            }
            firstLine += lines
        }
        if !carry.isEmpty {
            let offset = firstLine - 1
            try forEachRecord(bytes: carry, file: path, delimiter: delimiter) { (line, fields) throws(CSVError) in
                try body(line + offset, fields)
            }
        }
    }

    /// The last line end of `bytes` outside quotes (a quoted field may hold line ends), if any, with the number
    /// of line ends up to it.
    static func lastRecordEnd(in bytes: [UInt8]) -> (index: Int, lines: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
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
