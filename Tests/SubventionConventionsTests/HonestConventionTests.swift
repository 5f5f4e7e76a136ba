import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 12: convention files that cannot silently lie.
@Suite("Conventions qui ne peuvent mentir en silence (issue 12)")
struct HonestConventionTests {
    /// A one-component cost share, capped by a fixed amount, with the amount the document writes for it.
    static func capped(cap: String, written: String = "40 000 €", planned: String? = nil, costCap: String? = nil)
        -> String
    {
        var share = "taux: 100 %, cout: cout-action"
        if let planned { share += ", cout-prevu: \(planned)" }
        if let costCap { share += ", plafonds-du-cout: [ { montant: \(costCap) } ]" }
        return """
            format: subvention/convention 1
            convention:
              id: essai
              titre: Essai
              financeur: Département
              beneficiaire: CCAS
              periode: { debut: 2025-01-01, fin: 2025-12-31 }
              montant: 40 000 €
              entrees:
                cout-action: { libelle: Coût de l'action, type: montant }
              composantes:
                - id: action
                  libelle: Action
                  base: { part-du-cout: { \(share) } }
                  plafonds:
                    - { montant: \(cap), libelle: plafond de l'action }
                  montant-ecrit: { valeur: \(written), source: { lignes: "12" } }
              echeancier:
                - { id: avance, libelle: Avance, part: 50 %, declencheurs: [signature] }
                - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
            """
    }

    func findings(_ text: String) throws -> [Finding] {
        let (convention, _) = try ConventionFiles.convention(text: text, file: "essai.yaml")
        return ConventionChecker(try CompiledConvention(convention)).findings()
    }

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("Plafond de 41 000 € pour 40 000 € écrits : erreur avec les deux montants et les deux positions")
    func capAboveWrittenAmount() throws {
        let found = try findings(Self.capped(cap: "41 000 €"))
        let error = try #require(found.first { $0.code == "plafond-montant-ecrit" })
        #expect(error.severity == .error)
        #expect(error.message.contains(Money(cents: 4_100_000).french), "\(error.message)")
        #expect(error.message.contains(Money(cents: 4_000_000).french), "\(error.message)")
        #expect(error.message.contains("\(Money(cents: 100_000).french) de plus"), "\(error.message)")
        // The cap (line 16) and the written amount (line 17), each at its value.
        #expect(error.positions.map(\.description) == ["essai.yaml:16:22", "essai.yaml:17:32"], "\(error.positions)")
        let refusals = ConventionChecker(
            try CompiledConvention(try ConventionFiles.convention(text: Self.capped(cap: "41 000 €"), file: "e.yaml").0)
        ).refusals()
        #expect(refusals.count == 1)
    }

    @Test("Plafond sous le montant écrit : le montant écrit ne peut être versé")
    func capBelowWrittenAmount() throws {
        let found = try findings(Self.capped(cap: "39 000 €"))
        let error = try #require(found.first { $0.code == "plafond-montant-ecrit" })
        #expect(error.message.contains("ne peut jamais être versé"), "\(error.message)")
    }

    @Test("Plafond égal au montant écrit : aucun constat de plafond")
    func capEqualsWrittenAmount() throws {
        let found = try findings(Self.capped(cap: "40 000 €"))
        #expect(!found.contains { $0.code == "plafond-montant-ecrit" || $0.severity == .error }, "\(found)")
    }

    @Test("Coût prévu sans plafond du coût : le plafond peut lier, « ne lie jamais » n'est pas dit")
    func plannedCostDoesNotBound() throws {
        // 100 % × 30 000 € prévus < 40 000 € : but the real cost may exceed the planned one, so the cap binds.
        let found = try findings(Self.capped(cap: "40 000 €", written: "30 000 €", planned: "30 000 €"))
        #expect(!found.contains { $0.code == "plafond-jamais-atteint" }, "\(found)")
        let (convention, _) = try ConventionFiles.convention(
            text: Self.capped(cap: "40 000 €", written: "30 000 €", planned: "30 000 €"), file: "e.yaml")
        let settled = try CompiledConvention(convention).settle(Bilan(values: ["cout-action": .money(Money(cents: 5_000_000))]))
        #expect(settled.due == Money(cents: 4_000_000))
    }

    @Test("Coût plafonné : « ne lie jamais » est dit, et juste")
    func costCapMakesCeilingIdle() throws {
        let found = try findings(Self.capped(cap: "40 000 €", written: "30 000 €", planned: "30 000 €", costCap: "35 000 €"))
        let idle = try #require(found.first { $0.code == "plafond-jamais-atteint" })
        #expect(idle.message.contains(Money(cents: 3_500_000).french), "\(idle.message)")
    }

    @Test("Composantes qui ne font pas le total : erreur avec la position du total")
    func componentsAgainstTotal() throws {
        let text = Self.capped(cap: "40 000 €").replacingOccurrences(of: "montant: 40 000 €", with: "montant: 45 000 €")
        let found = try findings(text)
        let error = try #require(found.first { $0.code == "total-composantes" })
        #expect(error.message.contains(Money(cents: 4_500_000).french), "\(error.message)")
        #expect(error.message.contains("essai.yaml:8:12"), "\(error.message)")
    }

    // MARK: Events

    @Test("Un événement inconnu dans une obligation est une erreur avec suggestion")
    func unknownEventInObligation() {
        let text = Self.capped(cap: "40 000 €") + """

              obligations:
                - { id: bilan, libelle: Bilan, partie: beneficiaire, echeance: 2026-03-31, accomplie-par: bilan-recus }
            """
        let found = diagnostics(text)
        #expect(found.contains { $0.line == 22 && $0.message.contains("« bilan-recus » inconnu")
            && $0.message.contains("vouliez-vous dire « bilan-recu »") }, "\(found)")
    }

    @Test("Un événement déclaré sous « evenements: » est reconnu ; un événement commun ne se déclare pas")
    func declaredEvents() throws {
        let text = Self.capped(cap: "40 000 €")
            .replacingOccurrences(
                of: "  entrees:",
                with: "  evenements:\n    bilan-traite: Bilan traité\n    signature: Signature\n  entrees:")
            + """

              obligations:
                - { id: traitement, libelle: Traitement, partie: financeur, echeance: { apres: bilan-recu, delai: 3 mois }, accomplie-par: bilan-traite }
                - { id: relance, libelle: Relance, partie: beneficiaire, echeance: { apres: relance, delai: 1 mois } }
            """
        let found = diagnostics(text)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.line == 11 && $0.message.contains("événement commun") }, "\(found)")
        #expect(found.contains { $0.line == 26 && $0.message.contains("« relance » inconnu")
            && $0.message.contains("relance-envoyee") }, "\(found)")
    }

    @Test("Un événement mal écrit dans un bilan est une erreur avec suggestion et position")
    func unknownEventInBilan() throws {
        let (convention, _) = try ConventionFiles.convention(text: Self.capped(cap: "40 000 €"), file: "essai.yaml")
        let bilan = """
            format: subvention/bilan 1
            bilan:
              convention: essai
              evenements:
                signature: 2025-02-01
                bilan-recus: 2026-02-01
            """
        do {
            _ = try ConventionFiles.bilan(text: bilan, file: "bilan.yaml", for: convention)
            Issue.record("le bilan aurait dû être refusé")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.description.hasPrefix("bilan.yaml:6:5: erreur:"), "\(diagnostic)")
            #expect(diagnostic.message.contains("vouliez-vous dire « bilan-recu »"), "\(diagnostic)")
        }
    }

    // MARK: Values

    @Test("« ratio-maximum: 120 » sans % est refusé ; « 120 % » est accepté")
    func ratioWithoutPercent() {
        let base = LoaderDiagnosticsTests.valid
        let without = base.replacingOccurrences(
            of: "objectif: 130 places }", with: "objectif: 130 places, ratio-maximum: 120 }")
        let refused = diagnostics(without)
        #expect(refused.contains { $0.line == 17 && $0.message.contains("écrivez « 120 % »") }, "\(refused)")
        let with = base.replacingOccurrences(
            of: "objectif: 130 places }", with: "objectif: 130 places, ratio-maximum: 120 % }")
        #expect(diagnostics(with).isEmpty)
    }

    @Test("Un taux en fraction exacte « 34 762 / 74 762 » du coût réalisé")
    func fractionalRate() throws {
        let text = Self.capped(cap: "40 000 €")
            .replacingOccurrences(of: "taux: 100 %", with: "taux: 34 762 / 74 762")
        let (convention, _) = try ConventionFiles.convention(text: text, file: "essai.yaml")
        let compiled = try CompiledConvention(convention)
        // 34 762 / 74 762 × 74 762 € = 34 762 € exactly; × 50 000 € = 23 248,44 € (23 248,441…).
        let full = try compiled.settle(Bilan(values: ["cout-action": .money(Money(cents: 7_476_200))]))
        #expect(full.due == Money(cents: 3_476_200))
        let part = try compiled.settle(Bilan(values: ["cout-action": .money(Money(cents: 5_000_000))]))
        #expect(part.due == Money(cents: 2_324_844))
        let zero = text.replacingOccurrences(of: "34 762 / 74 762", with: "1 / 0")
        #expect(diagnostics(zero).contains { $0.message.contains("dénominateur") })
    }

    @Test("Un tiret seul n'est pas un montant ; « - € » vaut zéro")
    func loneDash() {
        #expect(throws: NumberSyntaxError.self) { try Money(parsing: "-") }
        #expect((try? Money(parsing: "- €")) == .zero)
    }
}
