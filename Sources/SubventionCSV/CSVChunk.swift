/// Whole records of a CSV file read in chunks (« bloc »), with the line the first one starts on: what
/// ``CSVReader/forEachChunk(path:chunkSize:_:)`` gives, parsed on its own by
/// ``CSVReader/forEachRecord(bytes:file:delimiter:_:)``.
public struct CSVChunk: Sendable {
    /// The bytes of the records, from the start of a record to a line end outside quotes (or the end of the file).
    public let bytes: [UInt8]
    /// The file's line the chunk starts on, counted from 1 (the header is on line 1 of the first chunk).
    public let firstLine: Int

    public init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
    }
}
