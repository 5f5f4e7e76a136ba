import Foundation
import Testing

/// Issue 11: a command stopped by SIGTERM or SIGINT while it writes `--output` leaves neither the temporary file nor
/// a partial output: the folder is as it was.
@Suite("Interrompu pendant l'écriture : ni fichier temporaire, ni sortie partielle")
struct InterruptedOutputTests {
    @Test("batch --output arrêté par un signal dès que son fichier temporaire existe", arguments: [SIGTERM, SIGINT])
    func stoppedWhileWriting(signal: Int32) throws {
        let input = try BatchStreamTests.temporaryDirectory()
        let output = try BatchStreamTests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: output)
        }
        let table = input + "/bilan.csv"
        // 300 000 rows: seconds of work in a debug build, so the signal comes while the output is being written.
        var text = BatchStreamTests.header
        let row = ";Opération 1 : Dispositif référent solidarité;Arrageois;CC Osartis Marquion;130;20 800,00 €;130;20 800 €;10 400 €\n"
        text.reserveCapacity(150 * 300_001)
        for line in 0..<300_000 { text += String(line) + row }
        try text.write(toFile: table, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = [
            "batch", BatchStreamTests.programme, "--table", table, "--format", "csv", "--output", output + "/lot.csv",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: Executable.root)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            if try FileManager.default.contentsOfDirectory(atPath: output).contains(where: { $0.hasSuffix(".tmp") }) {
                sawTemporary = true
                kill(process.processIdentifier, signal)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        #expect(sawTemporary, "le fichier temporaire n'est jamais apparu avant la fin")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == [])
    }
}
