/// A programme's structures table as read from disk: the path it was read from and its bytes.
///
/// The path is the one diagnostics name: the file actually read (`batch --table FILE` reads FILE, not the table
/// the programme names).
public struct TableFile: Sendable {
    /// The path the bytes were read from, as the user would write it.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
