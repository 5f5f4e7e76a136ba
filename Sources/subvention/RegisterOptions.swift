import ArgumentParser
import Foundation
import SubventionRegister

/// Which register a command reads or writes (`--registre`, `SUBVENTION_REGISTRE`, `subvention.sqlite`).
struct RegisterOptions: ParsableArguments {
    @Option(name: .customLong("registre"), help: ArgumentHelp("Fichier du registre (sinon $SUBVENTION_REGISTRE, sinon subvention.sqlite dans le dossier courant).", valueName: "fichier"), completion: .file(extensions: ["sqlite"]))
    var path: String?

    /// The register file when none is named.
    static let defaultFile = "subvention.sqlite"
    /// The environment variable naming the register.
    static let environmentVariable = "SUBVENTION_REGISTRE"

    /// The register named (option, then environment), if any.
    var named: String? {
        if let path { return path }
        if let value = ProcessInfo.processInfo.environment[Self.environmentVariable], !value.isEmpty { return value }
        return nil
    }

    /// For the `registre` verbs: the register named, or `subvention.sqlite`.
    var resolved: String { named ?? Self.defaultFile }

    /// For the commands that settle: the register named (which must exist), or `subvention.sqlite` when it exists
    /// in the current directory; nil otherwise (bilan files only: a fresh clone has no register).
    var inUse: String? {
        if let named { return named }
        return FileManager.default.fileExists(atPath: Self.defaultFile) ? Self.defaultFile : nil
    }

    /// Opens the register for recording (created when absent); a failure exits 2.
    func openForWriting() throws -> Register {
        try Self.open(resolved, create: true)
    }

    /// Opens an existing register; a failure exits 2.
    static func open(_ path: String, create: Bool) throws -> Register {
        do {
            return try Register(path: path, create: create)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.unreadable
        }
    }

    /// Reads the register in use for a command that settles: its ledger and summary, or nil when there is none.
    func readInUse() throws -> (ledger: RegisterLedger, summary: RegisterSummary)? {
        guard let path = inUse else { return nil }
        let register = try Self.open(path, create: false)
        do {
            let (entries, summary) = try register.read { reader throws(RegisterError) in
                (try reader.entries(), try reader.summary(path: path))
            }
            return (RegisterLedger(entries), summary)
        } catch {
            Console.err("\(path): erreur: \(error)")
            throw Console.unreadable
        }
    }
}
