import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes appended by a producer and written out a chunk at a time: to a file through ``OutputFile`` (whole or not
/// at all), or to standard output. The chunks are written in order on a thread of their own, so that the producer
/// goes on while the system copies them (at most ``maximumInFlight`` chunks wait); a write error is thrown by the
/// next ``flush()`` or by ``finish()``.
public struct OutputSink: ~Copyable {
    /// The bytes not written yet; append to it, then call ``flushIfFull()``.
    public var buffer: [UInt8] = []
    let chunkSize: Int
    let writer: BackgroundWriter

    /// How many chunks may wait to be written before ``flush()`` waits.
    static let maximumInFlight = 4

    init(chunkSize: Int, write: @escaping ([UInt8]) throws(OutputError) -> Void) {
        self.chunkSize = chunkSize
        writer = BackgroundWriter(write: write, maximumInFlight: Self.maximumInFlight)
        buffer.reserveCapacity(chunkSize + chunkSize / 4)
    }

    /// Writes the buffer out once it holds a chunk: memory stays flat whatever the output's size.
    @inline(__always)
    public mutating func flushIfFull() throws(OutputError) {
        if buffer.count >= chunkSize { try flush() }
    }

    /// Hands the buffer to the writing thread.
    /// - Throws: the error of an earlier write.
    public mutating func flush() throws(OutputError) {
        try writer.failure()
        guard !buffer.isEmpty else { return }
        writer.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and waits until every chunk is written.
    /// - Throws: the first write error.
    mutating func finish() throws(OutputError) {
        try flush()
        writer.wait()
        try writer.failure()
    }
}

/// The thread that writes a sink's chunks (« écriture en tâche de fond »): one at a time, in order, on a serial
/// queue. `write` is only ever called on that queue, and whoever owns the destination waits for it (``wait()``)
/// before committing or abandoning the file: hence `@unchecked Sendable`.
final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "subvention.output")
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var error: OutputError?
    private let writeChunk: ([UInt8]) throws(OutputError) -> Void

    init(write: @escaping ([UInt8]) throws(OutputError) -> Void, maximumInFlight: Int) {
        writeChunk = write
        slots = DispatchSemaphore(value: maximumInFlight)
    }

    /// Queues `bytes`; waits while ``OutputSink/maximumInFlight`` chunks are queued already. After an error, the
    /// following chunks are dropped (the output is abandoned).
    func write(_ bytes: [UInt8]) {
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            guard self.failureNow() == nil else { return }
            do throws(OutputError) {
                try self.writeChunk(bytes)
            } catch {
                self.lock.withLock { if self.error == nil { self.error = error } }
            }
        }
    }

    /// Waits until every queued chunk is written.
    func wait() { queue.sync {} }

    /// - Throws: the first write error so far.
    func failure() throws(OutputError) {
        if let error = failureNow() { throw error }
    }

    private func failureNow() -> OutputError? { lock.withLock { error } }
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
            try run(produce, into: &sink)
            return
        }
        let pending = try Pending(path: path)
        do {
            var sink = OutputSink(chunkSize: chunkSize) { (bytes) throws(OutputError) in try pending.append(bytes) }
            try run(produce, into: &sink)
            try pending.commit()
        } catch {
            pending.abandon()
            throw error
        }
    }

    /// Runs `produce` and waits for every write; on an error too, so that no write still runs when the caller
    /// removes the temporary file.
    static func run(_ produce: (inout OutputSink) throws -> Void, into sink: inout OutputSink) throws {
        do {
            try produce(&sink)
            try sink.finish()
        } catch {
            sink.writer.wait()
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
