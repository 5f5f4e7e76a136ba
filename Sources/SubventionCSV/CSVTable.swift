/// A CSV file read whole: its header and records.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]
    public var records: [CSVRecord]
    public var delimiter: CSVDelimiter

    public init(header: [String], records: [CSVRecord], delimiter: CSVDelimiter) {
        self.header = header
        self.records = records
        self.delimiter = delimiter
    }

    /// The index of the column named `name` (exact match, then ignoring case and surrounding spaces).
    public func column(named name: String) -> Int? {
        if let index = header.firstIndex(of: name) { return index }
        let wanted = name.lowercased()
        return header.firstIndex { $0.lowercased().split(separator: " ").joined(separator: " ") == wanted }
    }
}
