import Foundation
import Testing

/// Issue 10: no failure becomes a figure. `try?` stays only where a failure is an optional lookup (a hint, a
/// completion, a format sniffed before the real reader reports the error), each said by an `// Optional lookup:`
/// comment on one of the three lines above it. Anywhere else, a `try?` would hide an error behind a default.
@Suite("try? only for documented optional lookups")
struct OptionalLookupTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyTryQuestionMarkInSourcesIsADocumentedOptionalLookup() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files = 0
        var undocumented: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where line.contains("try?") {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let above = lines[max(0, index - 3)..<index]
                if !above.contains(where: { $0.contains("// Optional lookup:") }) {
                    undocumented.append("\(url.path.dropFirst(Self.root.path.count + 1)):\(index + 1): \(line)")
                }
            }
        }
        #expect(files > 50, "the scan must read the project's sources")
        #expect(undocumented.isEmpty, "try? without « // Optional lookup: » :\n\(undocumented.joined(separator: "\n"))")
    }
}
