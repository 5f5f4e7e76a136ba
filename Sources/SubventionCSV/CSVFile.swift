import Foundation

/// Reading and writing CSV files on disk; writes are whole or not at all.
public enum CSVFile {
    /// The bytes of a file.
    /// - Throws: ``CSVError`` when it cannot be read.
    public static func read(path: String) throws(CSVError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(file: path, line: 0, column: 0, message: "fichier introuvable ou illisible")
        }
        return [UInt8](data)
    }

    /// The bytes of a file's first record (its header), up to its first line end outside quotes: what a reader
    /// needs to lay out a table before streaming its records (``CSVReader/forEachRecord(path:delimiter:chunkSize:_:)``).
    /// - Throws: ``CSVError`` when it cannot be read.
    public static func readHeader(path: String) throws(CSVError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError(file: path, line: 0, column: 0, message: "fichier introuvable ou illisible")
        }
        // Optional lookup: a read-only handle whose close fails has lost nothing; the header read is what counts.
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        var quoted = false
        var scanned = 0
        while true {
            let data = handle.readData(ofLength: 1 << 16)
            if data.isEmpty { return bytes }
            bytes.append(contentsOf: data)
            while scanned < bytes.count {
                let byte = bytes[scanned]
                scanned += 1
                if byte == 0x22 { quoted.toggle() }
                if byte == 0x0A, !quoted { return Array(bytes[..<scanned]) }
            }
        }
    }

    /// Writes `bytes` to `path` whole or not at all, only over a regular file (see ``OutputFile``).
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputFile.write(bytes, to: path)
    }
}
