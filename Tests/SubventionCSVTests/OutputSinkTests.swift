import Foundation
import Testing

@testable import SubventionCSV

/// Issue 13: a streamed output is written on a thread of its own; it is still whole or nothing, in order, and a
/// write error is never lost.
@Suite("Sortie en flux écrite en tâche de fond : dans l'ordre, entière ou rien")
struct OutputSinkTests {
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var chunks: [[UInt8]] = []
        func add(_ bytes: [UInt8]) { lock.withLock { chunks.append(bytes) } }
        var all: [[UInt8]] { lock.withLock { chunks } }
    }

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "subvention-sink-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("1 000 morceaux écrits dans l'ordre donné, tous, avant finish()")
    func order() throws {
        let recorder = Recorder()
        var sink = OutputSink(chunkSize: 8) { (bytes) throws(OutputError) in
            if bytes.first.map({ $0 % 7 == 0 }) == true { usleep(100) }
            recorder.add(bytes)
        }
        for index in 0..<1_000 {
            sink.buffer.append(contentsOf: [UInt8(truncatingIfNeeded: index)] + Array(repeating: 1, count: 7))
            try sink.flushIfFull()
        }
        try sink.finish()
        let chunks = recorder.all
        #expect(chunks.count == 1_000)
        #expect(chunks.map { $0[0] } == (0..<1_000).map { UInt8(truncatingIfNeeded: $0) })
    }

    @Test("Une écriture qui échoue : l'erreur sort au flush suivant ou à finish(), rien n'est écrit ensuite")
    func writeError() {
        let recorder = Recorder()
        var sink = OutputSink(chunkSize: 1) { (bytes) throws(OutputError) in
            if bytes == [3] { throw OutputError(path: "sortie", reason: "disque plein") }
            recorder.add(bytes)
        }
        var thrown: OutputError?
        do {
            for value in 0..<50 as Range<UInt8> {
                sink.buffer.append(value)
                try sink.flushIfFull()
            }
            try sink.finish()
        } catch {
            thrown = error
        }
        #expect(thrown?.reason == "disque plein")
        sink.writer.wait()
        #expect(recorder.all == [[0], [1], [2]])
    }

    @Test("OutputFile.stream : 10 Mo en morceaux donnent le fichier entier ; une erreur en cours laisse l'ancien fichier, sans reste")
    func wholeOrNothing() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/sortie.csv"
        let expected = (0..<10_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try OutputFile.stream(to: path, chunkSize: 1 << 16) { sink in
            for start in stride(from: 0, to: expected.count, by: 4096) {
                sink.buffer.append(contentsOf: expected[start..<min(start + 4096, expected.count)])
                try sink.flushIfFull()
            }
        }
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == expected)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try OutputFile.stream(to: path, chunkSize: 1 << 16) { sink in
                sink.buffer.append(contentsOf: Array(repeating: 0x41, count: 1 << 20))
                try sink.flush()
                throw Stop()
            }
        }
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sortie.csv"])
    }
}
