import Foundation
import Testing

/// Issue 11, reproducer for the lead's issue 10: `report --bilans DIR` must not drop a bilan it cannot read.
@Suite("report --bilans : un bilan illisible n'est pas ignoré")
struct ReportBilansTests {
    @Test(
        "Un bilan illisible du dossier : code 2 et son diagnostic, pas « Versé 0,00 € »",
        arguments: [
            ("format: subvention/bilan 1", "format: subvention/bilan 2"),
            ("  evenements:", "  evenements: {\n  evenements:"),
            ("  convention: doubs-ccas-besancon-2025", "  convention: doubs-ccas-besancon-2025\n  convention: doubs-ccas-besancon-2025"),
        ])
    func unreadableBilan(old: String, new: String) throws {
        let directory = try Scratch.directory()
        let file = try Scratch.mutate("Examples/bilans/doubs-ccas-besancon-2025.yaml", old, new, in: directory)
        let output = try Executable.run(["report", "Conventions/doubs", "--bilans", directory])
        #expect(output.status == 2, "\(output.stdout)")
        #expect(output.stderr.contains("\(file):"), "\(output.stderr)")
    }

    @Test("Un bilan en UTF-8 invalide dans le dossier : code 2 et son diagnostic")
    func invalidUTF8Bilan() throws {
        let directory = try Scratch.directory()
        let path = directory + "/doubs-ccas-besancon-2025.yaml"
        var bytes = Array(try Scratch.bundled("Examples/bilans/doubs-ccas-besancon-2025.yaml").utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE], at: try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let output = try Executable.run(["report", "Conventions/doubs", "--bilans", directory])
        #expect(output.status == 2, "\(output.stdout)")
        #expect(output.stderr.contains("\(path):"), "\(output.stderr)")
    }
}
