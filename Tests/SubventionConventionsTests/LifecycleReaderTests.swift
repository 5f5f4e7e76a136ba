import Foundation
import SubventionCore
import Testing

@testable import SubventionConventions

@Suite("Vie de la convention : clauses lues, contradictions, résiliation de Besançon")
struct LifecycleReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let valid = """
        format: subvention/convention 1
        convention:
          id: essai
          titre: Essai
          financeur: Département
          beneficiaire: CCAS
          entrees:
            emploi: { libelle: Emploi des fonds, type: montant }
          composantes:
            - { id: subvention, libelle: Subvention, base: { montant-fixe: 10 000 € } }
          echeancier:
            - { id: avance, libelle: Avance, part: 100 %, declencheurs: [signature] }
          vie:
            resiliations:
              - id: notifiee
                libelle: Un mois franc après réception
                motif: manquement
                delai: 1 mois franc
                franc: jour-exclu
                a-compter-de: resiliation-notifiee
                autres-lectures:
                  - { id: strict, delai: 1 mois franc, franc: strict }
            consequence: { reversement: part-non-utilisee, emploi-justifie: emploi }
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "essai.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func validFileReadsEveryClause() throws {
        let (convention, warnings) = try ConventionFiles.convention(text: Self.valid, file: "essai.yaml")
        #expect(warnings.isEmpty)
        let clause = try #require(convention.lifecycle.terminations.first)
        #expect(clause.delay == NoticeDelay(1, .francMonths, franc: .anchorDayExcluded))
        #expect(clause.readings.map(\.id) == ["strict"])
        #expect(convention.lifecycle.consequence?.justifiedUseInput == "emploi")
        let events = ["resiliation-notifiee": CalendarDate(year: 2023, month: 9, day: 14)!]
        #expect(convention.lifecycleStatus(events: events, asOf: nil).date("resiliation") == CalendarDate(year: 2023, month: 10, day: 15))
        #expect(
            convention.lifecycleStatus(events: events, asOf: nil, readings: ["strict"]).date("resiliation")
                == CalendarDate(year: 2023, month: 10, day: 16))
    }

    @Test("Événement inconnu, avec suggestion, à sa ligne et sa colonne")
    func unknownEvent() {
        let found = diagnostics(Self.valid.replacingOccurrences(of: "a-compter-de: resiliation-notifiee", with: "a-compter-de: resiliation-notifee"))
        #expect(found == [
            "essai.yaml:20:23: erreur: convention.vie.resiliations[1].a-compter-de : événement « resiliation-notifee » "
                + "inconnu (vouliez-vous dire « resiliation-notifiee » ?)"
        ])
    }

    @Test("Un mois franc sans sa lecture déclarée est refusé")
    func francWithoutReading() {
        let found = diagnostics(Self.valid.replacingOccurrences(of: "        franc: jour-exclu\n", with: ""))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("essai.yaml:18:16: erreur: convention.vie.resiliations[1].delai") == true)
        #expect(found.first?.contains("franc: jour-exclu") == true)
    }

    @Test("Deux résiliations retenues pour le même motif, un motif inconnu, une entrée non déclarée")
    func otherMistakes() {
        let twice = Self.valid.replacingOccurrences(
            of: "        autres-lectures:\n          - { id: strict, delai: 1 mois franc, franc: strict }\n",
            with: "      - { id: autre, libelle: Autre, motif: manquement, delai: 30 jours, a-compter-de: mise-en-demeure-recue }\n")
        #expect(diagnostics(twice).first?.contains("« notifiee » est déjà la résiliation pour manquement retenue") == true)
        #expect(diagnostics(Self.valid.replacingOccurrences(of: "motif: manquement", with: "motif: faute")).first?
            .contains("« demande », « manquement », « plein-droit » est attendu") == true)
        #expect(diagnostics(Self.valid.replacingOccurrences(of: "emploi-justifie: emploi", with: "emploi-justifie: emploie")).first?
            .contains("entrée « emploie » non déclarée sous « entrees » (vouliez-vous dire « emploi » ?)") == true)
    }

    func besancon() throws -> CompiledConvention {
        let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/doubs/ccas-besancon-2025.yaml")
        guard case .convention(let convention) = loaded else { throw LoadFailure([]) }
        return try CompiledConvention(convention)
    }

    @Test("Besançon : acompte 82 775 € versé, mise en demeure reçue le 01/10/2025 sans effet, emploi justifié 50 000 € → titre de recettes 32 775 € au 31/10/2025")
    func besanconTermination() throws {
        let bilan = Bilan(
            events: [
                "convention-signee-recue": CalendarDate(year: 2025, month: 5, day: 20)!,
                "mise-en-demeure-recue": CalendarDate(year: 2025, month: 10, day: 1)!,
            ],
            values: ["emploi-des-fonds": .money(try Money(parsing: "50 000 €"))],
            payments: [Payment(installment: "acompte", amount: try Money(parsing: "82 775 €"))])
        let settlement = try besancon().settle(bilan, asOf: CalendarDate(year: 2025, month: 11, day: 15))
        let life = try #require(settlement.lifecycle)
        #expect(life.state == .terminated)
        let figures = try #require(life.termination?.figures)
        #expect(figures.wouldHavePaid == (try Money(parsing: "118 250,00 €")))
        #expect(figures.due == (try Money(parsing: "50 000,00 €")))
        #expect(figures.claim == (try Money(parsing: "32 775,00 €")))
        #expect(life.date("titre-de-recettes") == CalendarDate(year: 2025, month: 10, day: 31))
        #expect(settlement.outcome == .reversement(try Money(parsing: "32 775,00 €")))
        #expect(settlement.trace.contains { $0.clause?.lines == "419" })
        // Under the other delay of the same article (l. 422): one month, 01/11/2025.
        let other = try besancon().settle(bilan, asOf: nil, readings: ["manquement-un-mois"])
        #expect(other.lifecycle?.date("titre-de-recettes") == CalendarDate(year: 2025, month: 11, day: 1))
        // No justified use given: the computation is refused, not guessed.
        var missing = bilan
        missing.values = [:]
        #expect(throws: EngineError.self) { try besancon().settle(missing) }
    }

    @Test("check : les deux délais de résiliation de Besançon, avec leurs deux lignes")
    func besanconContradiction() throws {
        let findings = ConventionChecker(try besancon()).findings().filter { $0.code == "resiliation-contradictoire" }
        #expect(findings.count == 1)
        let message = try #require(findings.first?.message)
        #expect(message.contains("30 jours") && message.contains("l. 419"))
        #expect(message.contains("1 mois") && message.contains("l. 422"))
        #expect(findings.first?.severity == .warning)
    }
}
