import Foundation
import Testing

/// `subvention budget` as users run it.
@Suite("subvention budget")
struct BudgetCommandTests {
    @Test("Les trois lignes des délibérations, au centime, en CSV ; code 0")
    func bundledLines() throws {
        let output = try Executable.run(["budget", "Conventions", "--as-of", "2025-06-30", "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "financeur,exercice,code-operation,imputation,libelle,ae-votee,ae-engagee,ae-disponible,engagements")
        #expect(lines.contains("Département du Pas-de-Calais,2023,C02-446A05,6568/93446,Indemnisation des organismes référents,6801643.00,4425677.72,2375965.28,140"))
        #expect(lines.contains("Département du Pas-de-Calais,2023,C01-444H03,6568/93444,Référent insertion professionnelle,1016400.00,796200.00,220200.00,6"))
        #expect(lines.contains("Département du Pas-de-Calais,2024,C01-444H02,6568/93444,Appui au parcours intégré 2021-2027,13989480.46,300000.00,13689480.46,1"))
    }

    @Test("CP par exercice : versements des bilans mandatés en 2024, solde de l'État prévu en 2025")
    func creditsPerExercice() throws {
        let output = try Executable.run(["budget", "Conventions", "--as-of", "2025-06-30", "--format", "csv", "--section", "exercices"])
        #expect(output.status == 0)
        // 2023: the avance of 10 400 € its structure bilan gives CC Osartis Marquion (130 places × 160 € = 20 800 €),
        // paid at its signature on 15/06/2023.
        #expect(output.stdout.contains("2023,10400.00,10400.00,0.00,clos"))
        // 2024: 300 000 € (Pas-de-Calais, versés) + avance de 60 % de 1 466 282 € = 879 769,20 € (État, versée le 01/08/2024),
        // and the Osartis Marquion solde of 10 400 €, due after its bilan received on 01/03/2024, not paid.
        #expect(output.stdout.contains("2024,1190169.20,1179769.20,10400.00,clos"))
        // 2025: the État's solde, due by 31/03/2025: 1 466 282 − 879 769,20.
        #expect(output.stdout.contains("2025,586512.80,0.00,586512.80,en cours"))
        #expect(output.stdout.contains("non daté,5368577.72,0.00,5368577.72,à dater"))
        #expect(output.stdout.contains("Total,7155659.72,1190169.20,5965490.52,"))
    }

    @Test("Imputations par volet : l'avance de l'État se partage entre ses deux activités")
    func creditsPerComponentImputation() throws {
        let output = try Executable.run(["budget", "Conventions", "--as-of", "2025-06-30", "--format", "csv", "--section", "credits-paiement"])
        // Volet 3 (408 100 €) on 010200002501, volets 1 and 2 (106 000 + 952 182 €) on 010200002535.
        #expect(output.stdout.contains(",010200002501,2024,244860.00,244860.00,0.00,clos"))
        #expect(output.stdout.contains(",010200002535,2024,634909.20,634909.20,0.00,clos"))
        #expect(output.stdout.contains(",010200002501,2025,163240.00,0.00,163240.00,en cours"))
        #expect(output.stdout.contains(",010200002535,2025,423272.80,0.00,423272.80,en cours"))
    }

    @Test("Une convention au-delà de l'AE : constat d'erreur avec les deux montants, code 1")
    func aboveTheAE() throws {
        let directory = NSTemporaryDirectory() + "subvention-budget-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["budget-2024.yaml", "professions-autonomie-62-2024.yaml"] {
            try FileManager.default.copyItem(
                atPath: Executable.root + "/Conventions/pas-de-calais/" + name, toPath: directory + "/" + name)
        }
        let original = try String(
            contentsOfFile: Executable.root + "/Conventions/pas-de-calais/professions-autonomie-62-2024.yaml", encoding: .utf8)
        try original.replacingOccurrences(of: "id: pas-de-calais-professions-autonomie-62-2024", with: "id: seconde-plateforme")
            .replacingOccurrences(of: "300 000 €", with: "13 700 000 €")
            .write(toFile: directory + "/seconde.yaml", atomically: true, encoding: .utf8)
        let bilans = directory + "/bilans"
        try FileManager.default.createDirectory(atPath: bilans, withIntermediateDirectories: true)
        let output = try Executable.run(["budget", directory, "--bilans", bilans, "--as-of", "2024-12-31"])
        #expect(output.status == 1)
        // Paragraphs are wrapped at 100 columns: read back on one line.
        #expect(output.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("erreur [depassement-ae] C01-444H02 : exercice 2024 : engagements 14\u{A0}000\u{A0}000,00\u{A0}€ au-delà de l'AE votée 13\u{A0}989\u{A0}480,46\u{A0}€"))
    }
}
