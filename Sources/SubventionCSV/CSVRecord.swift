/// One record of a CSV file, with the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based physical line where the record starts.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or nil past the end.
    public subscript(index: Int) -> String? { fields.indices.contains(index) ? fields[index] : nil }
}
