import SubventionCore

/// A problem found in an input file, located at `file:line:column`.
///
/// Prints as compilers do, so editors can jump to it:
/// `Conventions/x.yaml:12:5: erreur: clé inconnue « plafon » (vouliez-vous dire « plafonds » ?)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// 1-based line, 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column (in Unicode scalars), 0 when unknown.
    public var column: Int
    public var message: String

    public init(severity: Severity, file: String, line: Int, column: Int, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
        return "\(location): \(severity.frenchLabel): \(message)"
    }
}
