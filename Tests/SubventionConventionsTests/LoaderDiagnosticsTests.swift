import SubventionCore
import Testing

@testable import SubventionConventions

@Suite("Fichiers mal formés : diagnostics fichier:ligne:colonne")
struct LoaderDiagnosticsTests {
    static let valid = """
        format: subvention/convention 1
        convention:
          id: essai
          titre: Essai
          financeur: Département
          beneficiaire: CCAS
          periode: { debut: 2025-01-01, fin: 2025-12-31 }
          unites: [place, ETP]
          entrees:
            places-realisees: { libelle: Places réalisées, unite: place }
            cout-action: { libelle: Coût de l'action, type: montant }
          composantes:
            - id: places
              libelle: Places
              base: { prix-unitaire: 160 €/place, quantite: 130 places }
              plafonds:
                - { prorata: { realise: places-realisees, objectif: 130 places } }
                - { entree: cout-action }
          echeancier:
            - { id: avance, libelle: Avance, part: 50 %, declencheurs: [signature] }
            - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
        """

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("Le fichier de référence se charge et se calcule")
    func validFileLoads() throws {
        let (convention, warnings) = try ConventionFiles.convention(text: Self.valid, file: "essai.yaml")
        #expect(warnings.isEmpty)
        let compiled = try CompiledConvention(convention)
        #expect(compiled.total == Money(cents: 2_080_000))
        let bilan = Bilan(values: [
            "places-realisees": .quantity(Quantity(try Rational(parsingDecimal: "97,5"), QuantityUnit("place"))),
            "cout-action": .money(Money(cents: 2_500_000)),
        ], payments: [Payment(installment: "avance", amount: Money(cents: 1_040_000))])
        #expect(try compiled.settle(bilan).due == Money(cents: 1_560_000))
    }

    @Test("Clé inconnue, avec suggestion")
    func unknownKey() {
        let found = diagnostics(Self.valid.replacingFirst("plafonds:", with: "plafon:"))
        #expect(found.map(\.description) == [
            "essai.yaml:16:7: erreur: convention.composantes[1] : clé inconnue « plafon » (vouliez-vous dire « plafonds » ?)"
        ])
    }

    @Test("« 70 % » là où une date est attendue")
    func percentageWhereDateExpected() {
        let found = diagnostics(Self.valid.replacingFirst("debut: 2025-01-01", with: "debut: 70 %"))
        #expect(found.count == 1)
        #expect(found.first?.line == 7)
        #expect(found.first?.column == 21)
        #expect(found.first?.message.contains("n'est pas une date") == true)
    }

    @Test("Euros multipliés par des ETP : unités incompatibles")
    func unitMismatch() {
        let found = diagnostics(Self.valid.replacingFirst("quantite: 130 places", with: "quantite: 2 ETP"))
        #expect(found.count == 1)
        #expect(found.first?.line == 15)
        #expect(found.first?.message.contains("unités incompatibles") == true)
    }

    @Test("Un montant en euros comme plafond de places réalisées")
    func moneyInputAsQuantity() {
        let found = diagnostics(Self.valid.replacingFirst("realise: places-realisees", with: "realise: cout-action"))
        #expect(found.first?.line == 17)
        #expect(found.first?.message.contains("une quantité") == true)
    }

    @Test("Versement sans déclencheur")
    func missingTrigger() {
        let found = diagnostics(Self.valid.replacingFirst("part: 50 %, declencheurs: [signature]", with: "part: 50 %"))
        #expect(found.count == 1)
        #expect(found.first?.line == 20)
        #expect(found.first?.message == "convention.echeancier[1] : clé « declencheurs » manquante")
    }

    @Test("Déclencheur inconnu et pourcentage au-delà de 100 % : tout est signalé")
    func collectsEveryDiagnostic() {
        let text = Self.valid
            .replacingFirst("declencheurs: [signature]", with: "declencheurs: [signatur]")
            .replacingFirst("part: 50 %", with: "part: 150 %")
        let found = diagnostics(text)
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.line == 20 })
        #expect(found.contains { $0.message.contains("« signatur » (vouliez-vous dire « signature » ?)") })
        #expect(found.contains { $0.message.contains("dépasse 100\(Money.frenchSpace)%") })
    }

    @Test("YAML invalide et format inconnu")
    func syntaxAndFormat() {
        #expect(diagnostics("format: subvention/convention 1\nconvention: [\n").first?.line == 3)
        #expect(diagnostics("format: subvention/convention 2\nconvention: {}\n").first?.message
            == "format : « subvention/convention 1 » est attendu, « subvention/convention 2 » trouvé")
        #expect(diagnostics("").first?.message.contains("vide") == true)
    }

    @Test("Un bilan avec une entrée inconnue et une valeur mal écrite")
    func badBilan() throws {
        let (convention, _) = try ConventionFiles.convention(text: Self.valid, file: "essai.yaml")
        let text = """
            format: subvention/bilan 1
            bilan:
              convention: essai
              valeurs:
                places-realises: 120 places
                cout-action: 18 000 places
            """
        do {
            _ = try ConventionFiles.bilan(text: text, file: "bilan.yaml", for: convention)
            Issue.record("le bilan aurait dû être refusé")
        } catch {
            #expect(error.diagnostics.map(\.line) == [5, 6])
            #expect(error.diagnostics[0].message.contains("vouliez-vous dire « places-realisees »"))
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
