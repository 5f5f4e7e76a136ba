import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 12: what the format did not test yet — avenants, fin-de-mois, the 29/02 rule, a majoration with the total
/// and solde ceilings, malformed programme tables.
@Suite("Format : avenants, fin de mois, 29/02, majoration plafonnée, tableaux mal formés (issue 12)")
struct FormatGapsTests {
    static let base = """
        format: subvention/convention 1
        convention:
          id: essai
          titre: Essai
          financeur: Département
          beneficiaire: CCAS
          periode: { debut: 2025-01-01, fin: 2025-12-31 }
          montant: 100 000 €
          composantes:
            - { id: action, libelle: Action, base: { montant-fixe: 100 000 € } }
          echeancier:
            - { id: avance, libelle: Avance, part: 60 %, declencheurs: [signature] }
            - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
        """

    func load(_ text: String) throws -> Convention {
        try ConventionFiles.convention(text: text, file: "essai.yaml").0
    }

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    static let amendments = base + """

          avenants:
            - id: avenant-2
              libelle: Avenant 2
              effet: 2025-09-01
              montant: 130 000 €
              composantes:
                - { id: action, libelle: Action, base: { montant-fixe: 130 000 € } }
            - id: avenant-1
              libelle: Avenant 1
              effet: 2025-06-01
              montant: 120 000 €
              composantes:
                - { id: action, libelle: Action, base: { montant-fixe: 120 000 € } }
              echeancier:
                - { id: avance, libelle: Avance, part: 50 %, declencheurs: [signature] }
                - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
        """

    @Test("Avenants : appliqués dans l'ordre de leur effet, à partir du jour d'effet inclus, remplacement partiel")
    func amendments() throws {
        let convention = try load(Self.amendments)
        func total(_ day: CalendarDate?) throws -> Money { try CompiledConvention(convention, at: day).total }
        #expect(try total(CalendarDate(year: 2025, month: 5, day: 31)) == Money(cents: 10_000_000))
        #expect(try total(CalendarDate(year: 2025, month: 6, day: 1)) == Money(cents: 12_000_000))
        #expect(try total(CalendarDate(year: 2025, month: 8, day: 31)) == Money(cents: 12_000_000))
        #expect(try total(CalendarDate(year: 2025, month: 9, day: 1)) == Money(cents: 13_000_000))
        // Written second but effective first: avenant-2 (later effect) wins whatever the order in the file.
        #expect(try total(nil) == Money(cents: 13_000_000))
        // Avenant 2 replaces only the components: the échéancier of avenant 1 (50 %) stays.
        let schedule = try CompiledConvention(convention, at: nil).schedule()
        #expect(schedule.installments.map(\.amount) == [Money(cents: 6_500_000), Money(cents: 6_500_000)])
        let before = try CompiledConvention(convention, at: CalendarDate(year: 2025, month: 1, day: 1)).schedule()
        #expect(before.installments.map(\.amount) == [Money(cents: 6_000_000), Money(cents: 4_000_000)])
    }

    @Test("fin-de-mois : 30/04 + 1 mois = 30/05 (ramené) ou 31/05 (fin de mois gardée)")
    func endOfMonth() throws {
        func due(_ rule: String) throws -> CalendarDate? {
            let text = Self.base.replacingOccurrences(of: "periode: { debut: 2025-01-01, fin: 2025-12-31 }",
                with: "periode: { debut: 2025-01-01, fin: 2025-04-30 }")
                + """

                  obligations:
                    - { id: bilan, libelle: Bilan, partie: beneficiaire, echeance: { apres: fin-de-periode, delai: 1 mois\(rule) } }
                """
            let convention = try load(text)
            return try CompiledConvention(convention).obligations(events: [:], asOf: nil).first?.dueDate
        }
        #expect(try due("") == CalendarDate(year: 2025, month: 5, day: 30))
        #expect(try due(", fin-de-mois: ramener-a-la-fin-du-mois") == CalendarDate(year: 2025, month: 5, day: 30))
        #expect(try due(", fin-de-mois: garder-la-fin-du-mois") == CalendarDate(year: 2025, month: 5, day: 31))
        let wrong = Self.base + """

              obligations:
                - { id: bilan, libelle: Bilan, partie: beneficiaire, echeance: { apres: fin-de-periode, delai: 1 mois, fin-de-mois: garder } }
            """
        #expect(diagnostics(wrong).contains { $0.message.contains("garder-la-fin-du-mois") })
    }

    @Test("jour: 29/02 est refusé au chargement (il n'existe pas toutes les années), avec la position et l'alternative")
    func leapDay() {
        let text = Self.base + """

              obligations:
                - { id: bilan, libelle: Bilan, partie: beneficiaire, echeance: { jour: 29/02, annee: N+1 } }
            """
        let found = diagnostics(text)
        #expect(found.contains { $0.line == 15 && $0.message.contains("29/02 n'existe pas toutes les années")
            && $0.message.contains("« 28/02 » ou « 01/03 »") }, "\(found)")
    }

    @Test("Majoration avec plafond du total et plafond du solde : 100 000 € plafonnés à 90 000 €, + 10 000 €, solde plafonné")
    func majorationWithCeilings() throws {
        let text = Self.base + """

              reglement:
                plafonds-du-total: [ { montant: 90 000 € } ]
                plafond-du-solde: 30 000 €
              majoration: { part-maximum: 20 %, condition: Décision motivée }
            """
        let compiled = try CompiledConvention(try load(text))
        let paid = [Payment(installment: "avance", amount: Money(cents: 6_000_000))]
        // 100 000 € → total ceiling 90 000 € → + majoration 10 000 € = 100 000 € due; 60 000 € paid → solde
        // 40 000 €, of which 30 000 € payable (solde ceiling) and 10 000 € not payable.
        let settled = try compiled.settle(Bilan(payments: paid, majoration: Money(cents: 1_000_000)))
        #expect(settled.componentsSum == Money(cents: 10_000_000))
        #expect(settled.bindingTotalLimit != nil)
        #expect(settled.majoration == Money(cents: 1_000_000))
        #expect(settled.due == Money(cents: 10_000_000))
        #expect(settled.outcome == .solde(Money(cents: 3_000_000)))
        #expect(settled.notPayable == Money(cents: 1_000_000))
        // Above 20 % × 100 000 € = 20 000 €, the majoration is refused.
        #expect(throws: EngineError.self) {
            try compiled.settle(Bilan(payments: paid, majoration: Money(cents: 2_000_001)))
        }
    }

    // MARK: Programme tables

    static let programme = """
        format: subvention/programme 1
        programme:
          id: p
          titre: Programme
          financeur: Département
          periode: { debut: 2023-01-01, fin: 2023-12-31 }
          unites: [place]
          modeles:
            m:
              titre: Modèle
              entrees:
                quantite-realisee: { libelle: Réalisé, unite: place }
              plafonds-par-ligne:
                - { prorata: { realise: quantite-realisee, objectif: quantite-de-la-ligne } }
              echeancier:
                - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
          operations:
            - { id: op1, libelle: Opération 1, libelles-tableau: ["Op 1"], prix-unitaire: 160 €/place, modele: m }
          tableau:
            fichier: t.csv
            colonnes: { operation: operation, territoire: territoire, structure: structure, quantite: quantite, montant: montant }
        """

    func tableDiagnostics(_ csv: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.programme(text: Self.programme, file: "p.yaml") { _ in
                TableFile(path: "t.csv", bytes: Array(csv.utf8))
            }
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("Tableau valide : deux lignes, 160 €/place × 10 places = 1 600 €")
    func validTable() throws {
        let csv = "operation;territoire;structure;quantite;montant\nOp 1;T;S1;10;1 600 €\nOp 1;T;S2;5;800 €\n"
        let (loaded, _) = try ConventionFiles.programme(text: Self.programme, file: "p.yaml") { _ in
            TableFile(path: "t.csv", bytes: Array(csv.utf8))
        }
        #expect(loaded.rows.map(\.structure) == ["S1", "S2"])
        #expect(loaded.rows.map(\.declaredAmount) == [Money(cents: 160_000), Money(cents: 80_000)])
    }

    @Test("Tableau mal formé : opération inconnue, colonne manquante, quantité négative — chacun à sa ligne", arguments: [
        ("operation;territoire;structure;quantite;montant\nOp 9;T;S1;10;1 600 €\n", "t.csv", 2, "Op 9"),
        ("operation;territoire;structure;montant\nOp 1;T;S1;1 600 €\n", "p.yaml", 21, "colonne « quantite » absente de t.csv"),
        ("operation;territoire;structure;quantite;montant\nOp 1;T;S1;-10;1 600 €\n", "t.csv", 2, "-10"),
    ])
    func malformedTables(csv: String, file: String, line: Int, mentions: String) {
        let found = tableDiagnostics(csv)
        #expect(found.contains { $0.severity == .error && $0.file.hasSuffix(file) && $0.line == line
            && $0.message.contains(mentions) }, "\(found)")
    }
}
