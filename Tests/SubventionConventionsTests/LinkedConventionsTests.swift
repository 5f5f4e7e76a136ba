import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 12: an installment conditioned on another convention's event (`condition:`), as the loader reads it.
@Suite("Conventions liées : lecture de « condition » (issue 12)")
struct LinkedConventionsTests {
    static func text(condition: String) -> String {
        """
        format: subvention/convention 1
        convention:
          id: essai-2024
          titre: Essai 2024
          financeur: État
          beneficiaire: Département
          montant: 100 000 €
          composantes:
            - { id: action, libelle: Action, base: { montant-fixe: 100 000 € } }
          echeancier:
            - id: credits
              libelle: Crédits
              reste: true
              declencheurs: [signature]
              condition: \(condition)
        """
    }

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("la condition devient un déclencheur qualifié, daté par un bilan sous « convention/evenement »")
    func qualifiedTrigger() throws {
        let text = Self.text(condition: "{ convention: essai-2023, evenement: rapport-delibere }")
        let convention = try ConventionFiles.convention(text: text, file: "essai.yaml").0
        let triggers = try #require(convention.installments.first?.triggers)
        #expect(triggers.map(\.rawValue) == ["signature", "essai-2023/rapport-delibere"])
        #expect(triggers.last?.link?.position?.description == "essai.yaml:15:55")
        #expect(convention.eventVocabulary.contains("essai-2023/rapport-delibere"))
        #expect(triggers.last?.frenchLabel == "« rapport-delibere » de la convention « essai-2023 »")
        let bilan = """
            format: subvention/bilan 1
            bilan:
              convention: essai-2024
              evenements: { signature: 2024-04-15, essai-2023/rapport-delibere: 2024-06-07 }
            """
        let read = try ConventionFiles.bilan(text: bilan, file: "bilan.yaml", for: convention).0
        #expect(read.bilan.events["essai-2023/rapport-delibere"] == CalendarDate(year: 2024, month: 6, day: 7))
    }

    @Test("une clé inconnue, une clé manquante ou un nom qui n'est pas un identifiant sont refusés à file:line:column")
    func refused() {
        let unknown = diagnostics(Self.text(condition: "{ convention: essai-2023, evenemnt: rapport }"))
        #expect(unknown.contains { $0.line == 15 && $0.message.contains("evenemnt") }, "\(unknown)")
        let missing = diagnostics(Self.text(condition: "{ convention: essai-2023 }"))
        #expect(missing.contains { $0.line == 15 && $0.message.contains("evenement") }, "\(missing)")
        let slash = diagnostics(Self.text(condition: "{ convention: essai/2023, evenement: rapport }"))
        #expect(slash.contains { $0.line == 15 && $0.message.contains("identifiant") }, "\(slash)")
    }
}
