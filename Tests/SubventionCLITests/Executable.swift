import Foundation

/// Runs the built `subvention` executable, as users do.
enum Executable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The `subvention` binary next to the test bundle.
    static var path: String {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("subvention").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return root + "/.build/debug/subvention"
    }

    struct Output {
        var status: Int32
        var bytes: Data
        var stdout: String
        var stderr: String
    }

    /// Runs `subvention arguments…` (or `program`) in `directory` (the package root unless told), with the test's
    /// environment less `COLUMNS` (output is piped: 100 columns) plus `environment`.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil, program: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program ?? path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        var variables = ProcessInfo.processInfo.environment
        variables["COLUMNS"] = nil
        process.environment = variables.merging(environment) { _, given in given }
        let out = Pipe()
        // stderr goes to a file: two pipes read one after the other deadlock once the second fills its buffer
        // (a long list of diagnostics).
        let errorPath = NSTemporaryDirectory() + "subvention-stderr-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: errorPath, contents: nil),
            let err = FileHandle(forWritingAtPath: errorPath)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = try readAll(out.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        try err.close()
        let stderr = FileManager.default.contents(atPath: errorPath) ?? Data()
        return Output(
            status: process.terminationStatus, bytes: stdout, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Everything until the end of `descriptor`, retrying reads a signal interrupts: Foundation's
    /// `readDataToEndOfFile()` traps on EINTR, which the SIGCHLD of another test's child process can cause.
    static func readAll(_ descriptor: Int32) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
    }
}
