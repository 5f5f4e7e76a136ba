import Foundation
import Testing

/// The HTML report printed to PDF by headless Chromium, checked with poppler's `pdfinfo` and `pdftotext`, when the
/// three are installed (`apt-get install chromium poppler-utils`); the CSS rules themselves are tested in
/// `HTMLRendererTests`.
@Suite("Rapport HTML imprimé par Chromium : A4 paysage, date et numéro sur chaque page")
struct PrintedReportTests {
    static func tool(_ names: [String]) -> String? {
        names.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool arguments…`, killed after `seconds`; its standard output.
    static func output(_ tool: String, _ arguments: [String], seconds: Int = 120) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + .seconds(seconds)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("Chaque page du portefeuille porte « situation au 31 décembre 2025 » et « Page n sur N », en A4 paysage")
    func printed() throws {
        guard let chromium = Self.tool(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]),
            let pdfinfo = Self.tool(["/usr/bin/pdfinfo"]), let pdftotext = Self.tool(["/usr/bin/pdftotext"])
        else { return }
        let directory = NSTemporaryDirectory() + "subvention-pdf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let html = directory + "/portefeuille.html"
        let run = try Executable.run(["report", "--as-of", "2025-12-31", "--format", "html", "--output", html])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = directory + "/portefeuille.pdf"
        let print = try Self.output(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(directory)/profil",
            "--print-to-pdf=\(pdf)", "file://\(html)",
        ])
        #expect(print.status == 0)
        let info = try Self.output(pdfinfo, [pdf]).text
        // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt (Chromium rounds to whole device pixels).
        #expect(info.contains("Page size:       841.92 x 594.96 pts (A4)"), "\(info)")
        let pages = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages >= 2)
        for page in 1...pages {
            let text = try Self.output(pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"]).text
            #expect(text.contains("Portefeuille des conventions de subvention – situation au 31 décembre 2025"), "page \(page)")
            #expect(text.contains("Page \(page) sur \(pages)"), "page \(page)")
        }
    }
}
