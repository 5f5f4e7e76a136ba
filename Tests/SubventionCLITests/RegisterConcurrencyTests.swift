import Foundation
import Testing

/// Issue 14: real processes writing the register at once, and one killed in the middle.
@Suite("registre : deux processus à la fois, et un processus tué (SIGKILL)")
struct RegisterConcurrencyTests {
    static let mapping = """
        format: subvention/correspondance 1
        correspondance:
          dialecte: rfc4180
          colonnes:
            convention: Convention
            echeance: Échéance
            montant: Montant
            date: Date du mandat
            mandat: N° mandat
            imputation: Imputation
        """

    /// A CSV of `count` one-cent mandats on Besançon's acompte, numbered `prefix-1`….
    static func mandates(_ prefix: String, count: Int, in directory: String) throws -> String {
        var text = "Convention,Échéance,Montant,Date du mandat,N° mandat,Imputation\r\n"
        for index in 1...count {
            text += "doubs-ccas-besancon-2025,acompte,\"0,01\",2025-06-02,\(prefix)-\(index),65-6568\r\n"
        }
        let path = directory + "/mandats-\(prefix).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func start(_ arguments: [String], output: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Executable.root)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func count(_ register: String) throws -> Int {
        let journal = try Executable.run(["registre", "journal", "--registre", register, "--format", "csv"])
        #expect(journal.status == 0, "\(journal.stderr)")
        return journal.stdout.split(whereSeparator: \.isNewline).count - 1
    }

    @Test("Deux processus enregistrant 1 000 écritures chacun en même temps : 2 000 écritures, chaîne intacte")
    func twoWriters() throws {
        let directory = try Scratch.directory()
        let register = directory + "/registre.sqlite"
        let mapping = directory + "/correspondance.yaml"
        try Self.mapping.write(toFile: mapping, atomically: true, encoding: .utf8)
        var processes: [(Process, Pipe)] = []
        for prefix in ["A", "B"] {
            let csv = try Self.mandates(prefix, count: 1_000, in: directory)
            let pipe = Pipe()
            let process = try Self.start(
                ["registre", "importer", "--mandats", csv, "--correspondance", mapping, "--par-ligne", "--registre", register],
                output: pipe)
            processes.append((process, pipe))
        }
        var acknowledged = 0
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            acknowledged += output.split(separator: "\n").filter { $0.contains("enregistrée") }.count
        }
        #expect(acknowledged == 2_000)
        let verified = try Executable.run(["registre", "verifier", "--registre", register])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("2000 écritures vérifiées"), "\(verified.stdout)")
        #expect(try Self.count(register) == 2_000)
        // The two really ran at once: their mandats alternate in the register's order.
        let journal = try Executable.run(["registre", "journal", "--registre", register, "--format", "csv"])
        let prefixes = journal.stdout.split(whereSeparator: \.isNewline).dropFirst().compactMap { line -> Character? in
            line.contains(",A-") ? "A" : line.contains(",B-") ? "B" : nil
        }
        #expect(prefixes.count == 2_000)
        let switches = zip(prefixes, prefixes.dropFirst()).filter { $0 != $1 }.count
        #expect(switches >= 2, "les deux processus ne se sont pas chevauchés")
        // Every mandat once: 2 000 distinct numbers, 20,00 € paid.
        let report = try Executable.run(
            ["report", "Conventions/doubs", "--registre", register, "--format", "csv", "--as-of", "2025-12-31"])
        #expect(report.stdout.contains("20.00"), "\(report.stdout)")
    }

    @Test("Un processus tué par SIGKILL en cours d'enregistrement : rien de confirmé n'est perdu, le registre reste lisible et intact")
    func killedWriter() throws {
        let directory = try Scratch.directory()
        let register = directory + "/registre.sqlite"
        let mapping = directory + "/correspondance.yaml"
        try Self.mapping.write(toFile: mapping, atomically: true, encoding: .utf8)
        let csv = try Self.mandates("K", count: 5_000, in: directory)
        let pipe = Pipe()
        let process = try Self.start(
            ["registre", "importer", "--mandats", csv, "--correspondance", mapping, "--par-ligne", "--registre", register],
            output: pipe)
        var received = ""
        while received.split(separator: "\n").count < 200 {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            received += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        received += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let acknowledged = received.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("écriture n° "), line.contains(" enregistrée") else { return nil }
            return Int(line.dropFirst("écriture n° ".count).prefix { $0.isNumber })
        }
        #expect(acknowledged.count >= 200)
        #expect(acknowledged.count < 5_000, "le processus a fini avant d'être tué")
        let verified = try Executable.run(["registre", "verifier", "--registre", register])
        #expect(verified.status == 0, "\(verified.stderr)")
        let stored = try Self.count(register)
        #expect(stored >= acknowledged.max() ?? 0)
        #expect(stored >= acknowledged.count)
        // And it goes on: the next entry follows the last one stored.
        let next = try Executable.run(
            [
                "registre", "evenement", "bilan-recu", "--convention", "doubs-ccas-besancon-2025", "--date", "2026-01-20",
                "--registre", register,
            ])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("écriture n° \(stored + 1) enregistrée"), "\(next.stdout)")
    }
}
