#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes output files whole or not at all, and only over regular files.
///
/// The bytes go to a temporary file in the destination's folder (same file system), which is flushed to disk and
/// then renamed over the destination: a reader sees the old file or the new one, never half of one.
/// - A destination that exists must be a regular file: a directory, a device (`/dev/full`), a fifo, a socket or a
///   symbolic link is refused, untouched.
/// - The replaced file keeps its permissions (a `0600` file stays `0600`); a new file gets `0666` less the umask.
/// - The temporary file is removed on every error path, and on SIGINT or SIGTERM while it exists.
public enum OutputFile {
    /// Writes `bytes` to `path` as described above.
    /// - Throws: ``OutputError`` saying why, in French; nothing is left behind.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let pending = try Pending(path: path)
        do {
            try pending.append(bytes)
            try pending.commit()
        } catch {
            pending.abandon()
            throw error
        }
    }

    /// A temporary file being written next to its destination: ``commit()`` renames it over the destination,
    /// ``abandon()`` (or any error) removes it. What ``write(_:to:)`` and ``stream(to:_:)`` are made of.
    final class Pending {
        let path: String
        let temporary: String
        var descriptor: Int32

        /// Checks the destination and creates the temporary file, with the destination's permissions.
        init(path: String) throws(OutputError) {
            self.path = path
            var existing = stat()
            var mode: mode_t?
            if lstat(path, &existing) == 0 {
                try OutputFile.requireRegularFile(existing, path: path)
                mode = existing.st_mode & 0o7777
            } else if errno != ENOENT {
                throw OutputError(path: path, reason: "chemin inaccessible (\(SystemError.current))")
            }
            let directory = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : "./"
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var temporary = ""
            var descriptor: Int32 = -1
            for attempt in 0..<100 {
                temporary = "\(directory).\(name).\(getpid())-\(attempt)-\(UInt32.random(in: 0...UInt32.max)).tmp"
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                if descriptor >= 0 || errno != EEXIST { break }
            }
            guard descriptor >= 0 else {
                throw OutputError(
                    path: path, reason: "fichier temporaire impossible à créer (\(SystemError.current))")
            }
            self.temporary = temporary
            self.descriptor = descriptor
            TemporaryFileGuard.register(temporary)
            if let mode {
                guard fchmod(descriptor, mode) == 0 else { throw fail("droits impossibles à reporter") }
                if geteuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
            }
        }

        /// Closes and removes the temporary file; returns the error to throw.
        func fail(_ reason: String) -> OutputError {
            let detail = SystemError.current
            abandon()
            return OutputError(path: path, reason: "\(reason) (\(detail))")
        }

        /// Removes the temporary file (nothing is left behind, the destination is untouched).
        func abandon() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporary)
            TemporaryFileGuard.unregister()
        }

        /// Appends `bytes` to the temporary file.
        func append(_ bytes: [UInt8]) throws(OutputError) {
            guard OutputFile.writeFully(bytes, to: descriptor) else { throw fail("écriture impossible") }
        }

        /// Flushes the temporary file to disk and renames it over the destination.
        func commit() throws(OutputError) {
            guard fsync(descriptor) == 0 else { throw fail("écriture impossible") }
            guard close(descriptor) == 0 else {
                descriptor = -1
                throw fail("écriture impossible")
            }
            descriptor = -1
            // The destination may have changed while writing: check again just before replacing it.
            var current = stat()
            if lstat(path, &current) == 0 {
                do {
                    try OutputFile.requireRegularFile(current, path: path)
                } catch {
                    abandon()
                    throw error
                }
            }
            guard rename(temporary, path) == 0 else { throw fail("remplacement impossible") }
            TemporaryFileGuard.unregister()
        }
    }

    static func requireRegularFile(_ status: stat, path: String) throws(OutputError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw OutputError(path: path, reason: "c'est un dossier ; donnez un nom de fichier")
        case S_IFLNK:
            throw OutputError(path: path, reason: "c'est un lien symbolique ; donnez le chemin du fichier lui-même")
        default:
            throw OutputError(
                path: path, reason: "ce n'est pas un fichier ordinaire (périphérique, tube ou socket) : il n'est pas remplacé")
        }
    }
}

/// Why an output file was not written; nothing was changed at its path.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// In French.
    public var reason: String

    public var description: String { "\(path): erreur: écriture impossible, rien n'a été écrit : \(reason)" }
}

/// Removes the temporary file being written when the process is interrupted (SIGINT, SIGTERM), then lets the
/// signal take its default effect. The path lives in a buffer allocated once: the handler only calls `unlink`,
/// `signal` and `raise`, which are async-signal-safe.
enum TemporaryFileGuard {
    static let capacity = 4096
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) static var installed = false

    static func register(_ path: String) {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= capacity else { return }
        _ = buffer
        if !installed {
            installed = true
            // A parent that started us from a thread with these signals blocked (libdispatch's threads block them,
            // and the mask is inherited) would leave the command deaf to SIGTERM and Ctrl-C: unblock them here,
            // where the handler that cleans up is installed.
            var handled = sigset_t()
            sigemptyset(&handled)
            sigaddset(&handled, SIGINT)
            sigaddset(&handled, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &handled, nil)
            for signal in [SIGINT, SIGTERM] {
                _ = systemSignal(signal) { number in
                    if TemporaryFileGuard.buffer.pointee != 0 { unlink(TemporaryFileGuard.buffer) }
                    _ = systemSignal(number, SIG_DFL)
                    raise(number)
                }
            }
        }
        bytes.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress!, count: source.count)
        }
    }

    static func unregister() {
        buffer.pointee = 0
    }
}

#if canImport(Glibc)
    let systemWrite = Glibc.write
    private let systemSignal = Glibc.signal
#elseif canImport(Darwin)
    let systemWrite = Darwin.write
    private let systemSignal = Darwin.signal
#endif
