#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes appended by a producer and written out a chunk at a time: to a file through ``OutputFile`` (whole or not
/// at all), or to standard output.
public struct OutputSink: ~Copyable {
    /// The bytes not written yet; append to it, then call ``flushIfFull()``.
    public var buffer: [UInt8] = []
    let chunkSize: Int
    let write: ([UInt8]) throws(OutputError) -> Void

    init(chunkSize: Int, write: @escaping ([UInt8]) throws(OutputError) -> Void) {
        self.chunkSize = chunkSize
        self.write = write
        buffer.reserveCapacity(chunkSize + chunkSize / 4)
    }

    /// Writes the buffer out once it holds a chunk: memory stays flat whatever the output's size.
    @inline(__always)
    public mutating func flushIfFull() throws(OutputError) {
        if buffer.count >= chunkSize { try flush() }
    }

    /// Writes the buffer out.
    public mutating func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension OutputFile {
    /// Writes what `produce` appends to its sink to `path` (standard output when nil), a chunk of `chunkSize` bytes
    /// at a time, so that memory stays flat.
    ///
    /// A file is written as by ``write(_:to:)``: through a temporary file renamed at the end, so that if `produce`
    /// throws, or writing fails, the destination is left as it was and nothing is left behind. Standard output
    /// receives the chunks as they come (a failure midway leaves what was written).
    /// - Throws: what `produce` throws, or ``OutputError``.
    public static func stream(to path: String?, chunkSize: Int = 1 << 20, _ produce: (inout OutputSink) throws -> Void) throws {
        guard let path else {
            var sink = OutputSink(chunkSize: chunkSize) { (bytes) throws(OutputError) in
                try writeAll(bytes, to: 1, path: "sortie standard")
            }
            try produce(&sink)
            try sink.flush()
            return
        }
        let pending = try Pending(path: path)
        do {
            var sink = OutputSink(chunkSize: chunkSize) { (bytes) throws(OutputError) in try pending.append(bytes) }
            try produce(&sink)
            try sink.flush()
            try pending.commit()
        } catch {
            pending.abandon()
            throw error
        }
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
        guard writeFully(bytes, to: descriptor) else {
            throw OutputError(path: path, reason: "écriture impossible (\(SystemError.current))")
        }
    }

    /// Writes every byte to `descriptor`, retrying on EINTR; `false` when a write fails (errno says why).
    static func writeFully(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
    }
}
