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

    /// Writes `bytes` to `path` whole or not at all, only over a regular file (see ``OutputFile``).
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputFile.write(bytes, to: path)
    }
}
