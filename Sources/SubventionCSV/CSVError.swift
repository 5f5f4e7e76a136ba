/// A CSV file that cannot be read: where, and what was expected.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it, when reading a file.
    public var file: String?
    /// 1-based physical line.
    public var line: Int
    /// 1-based character column within the line, or field index for field-count errors; 0 when unknown.
    public var column: Int
    /// What went wrong and what was expected, in French.
    public var message: String

    public init(file: String?, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file ?? "<csv>"):\(line):\(max(column, 1)): erreur: \(message)"
    }

    /// The same error, `lines` further down the file (an error found in a chunk that starts past line 1).
    public func shifted(lines: Int) -> CSVError {
        var shifted = self
        if shifted.line > 0 { shifted.line += lines }
        return shifted
    }
}
