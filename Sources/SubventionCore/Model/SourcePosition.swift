/// Where a figure is written in a convention file (position dans le fichier): `file:line:column`, so that a
/// finding about two figures that contradict each other can point at both, as a compiler would.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (in Unicode scalars).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `Conventions/x.yaml:42:22`.
    public var description: String { "\(file):\(line):\(max(column, 1))" }
}
