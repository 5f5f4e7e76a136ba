import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 11: domains checked at load, positions of YAML errors, bounded diagnostics.
@Suite("Domaines des valeurs au chargement (issue 11)")
struct LoaderDomainTests {
    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("Une clé YAML en double a sa ligne et sa colonne")
    func duplicateYAMLKey() {
        let text = LoaderDiagnosticsTests.valid.replacingOccurrences(of: "  titre: Essai", with: "  titre: Essai\n  titre: Autre")
        let found = diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.column == 3)
        #expect(found.first?.message.contains("« titre »") == true)
    }

    @Test("Montants négatifs refusés partout où le fichier en donne", arguments: [
        ("prix-unitaire: 160 €/place", "prix-unitaire: -160 €/place", 15),
        ("- { entree: cout-action }", "- { montant: -1 € }", 18),
        ("part: 50 %", "montant: -1 €", 20),
    ])
    func negativeAmounts(old: String, new: String, line: Int) {
        let found = diagnostics(LoaderDiagnosticsTests.valid.replacingOccurrences(of: old, with: new))
        #expect(found.contains { $0.line == line && $0.message.contains("positif ou nul") }, "\(found)")
    }

    @Test("Dates hors de 1900–2199 refusées")
    func dateRange() {
        let found = diagnostics(LoaderDiagnosticsTests.valid.replacingOccurrences(of: "fin: 2025-12-31", with: "fin: 9999-12-31"))
        #expect(found.contains { $0.line == 7 && $0.message.contains("entre 1900 et 2199") }, "\(found)")
    }

    @Test("Au plus 100 diagnostics par fichier, puis un décompte")
    func boundedDiagnostics() {
        var text = "format: subvention/convention 1\nconvention:\n"
        for index in 0..<1_000 { text += "  inconnue-\(index): x\n" }
        let found = diagnostics(text)
        #expect(found.count == NodeReader.maximumDiagnostics + 1)
        #expect(found.last?.line == 0)
        #expect(found.last?.severity == .error)
        #expect(found.last?.message.hasPrefix("906 autre(s) diagnostic(s)") == true, "\(found.last?.message ?? "")")
    }
}
