import Foundation
import SubventionCore
import Testing

@testable import SubventionConventions

/// Budget lines, AE and CP on the bundled files, against the tables the deliberations print.
@Suite("Budget : AE et CP des délibérations du Pas-de-Calais")
struct BudgetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func euros(_ text: String) throws -> Money { try Money(parsing: text) }

    func budget(_ name: String) throws -> Budget {
        let (budget, warnings) = try ConventionFiles.loadBudget(path: Self.root + "/Conventions/pas-de-calais/" + name)
        #expect(warnings.isEmpty)
        return budget
    }

    /// The engagements of the Pas-de-Calais programme 2023 (its rows) and convention 2024.
    func bundledCommitments(extra: [Convention] = []) throws -> [BudgetCommitment] {
        var commitments: [BudgetCommitment] = []
        for name in ["inclusion-durable-2023.yaml", "professions-autonomie-62-2024.yaml"] {
            let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/pas-de-calais/" + name)
            switch loaded {
            case .programme(let programme):
                commitments += try BudgetCommitment.commitments(
                    of: try ProgrammeEvaluator(programme.programme), rows: programme.rows)
            case .convention(let convention):
                commitments += try BudgetCommitment.commitments(
                    of: try CompiledConvention(convention), bilan: Bilan(), payments: [])
            case .bilan:
                Issue.record("\(name) est un bilan")
            }
        }
        for convention in extra {
            commitments += try BudgetCommitment.commitments(of: try CompiledConvention(convention), bilan: Bilan(), payments: [])
        }
        return commitments
    }

    func ledger(extra: [Convention] = []) throws -> BudgetLedger {
        try BudgetLedger(budgets: [try budget("budget-2023.yaml"), try budget("budget-2024.yaml")],
            commitments: try bundledCommitments(extra: extra))
    }

    func position(_ code: String, in ledger: BudgetLedger) throws -> BudgetLedger.Engagement {
        try #require(ledger.engagements.first { $0.imputation.code == code })
    }

    @Test func theThreeLinesOfTheDeliberationsToTheCent() throws {
        let ledger = try ledger()
        let expected: [(String, Int, String, String, String)] = [
            ("C02-446A05", 2023, "4 425 677,72 €", "6 801 643,00 €", "2 375 965,28 €"),
            ("C01-444H03", 2023, "796 200,00 €", "1 016 400,00 €", "220 200,00 €"),
            ("C01-444H02", 2024, "300 000,00 €", "13 989 480,46 €", "13 689 480,46 €"),
        ]
        for (code, year, engaged, voted, available) in expected {
            let line = try position(code, in: ledger)
            #expect(line.exercice == year)
            #expect(line.committed == (try euros(engaged)), "\(code) engagée")
            #expect(line.voted == (try euros(voted)), "\(code) AE votée")
            #expect(line.available == (try euros(available)), "\(code) disponible")
        }
        #expect(ledger.findings.isEmpty)
    }

    @Test func theC02Line_isTheSumOfFiveOperationsComputedFromTheRows() throws {
        let line = try position("C02-446A05", in: try ledger())
        let groups = try line.groups()
        #expect(groups.map(\.group) == [
            "Dispositif référent solidarité", "Accompagnement socioprofessionnel des bénéficiaires du RSA",
            "Dynamisation de parcours", "Accompagnement spécifique", "Accompagnement global",
        ])
        #expect(groups.map(\.amount) == (try ["1 712 960 €", "2 506 750 €", "107 217,72 €", "40 000 €", "58 750 €"].map(euros)))
        #expect(groups.map(\.count) == [73, 61, 2, 1, 3])
        // Every engagement is a row of the table, not the printed operation total.
        #expect(line.commitments.allSatisfy { $0.subject.hasPrefix("pas-de-calais-inclusion-durable-2023 / ") })
        #expect(line.commitments.count == 140)
    }

    @Test func checkVerifiesThePrintedTables() throws {
        let commitments = try bundledCommitments()
        for name in ["budget-2023.yaml", "budget-2024.yaml"] {
            let budget = try budget(name)
            let findings = try BudgetChecker(budget, commitments: commitments).findings()
            #expect(findings.count == budget.lines.count)
            #expect(findings.allSatisfy { $0.code == "proposition-verifiee" && $0.severity == .info }, "\(findings)")
        }
    }

    @Test func aSoldeThatIsNotAEMinusProposition_isReported() throws {
        var budget = try budget("budget-2024.yaml")
        budget.lines[0].printedBalance?.amount = try euros("13 689 480,00 €")
        let findings = try BudgetChecker(budget, commitments: try bundledCommitments()).findings()
        let gaps = findings.filter { $0.code == "ecart-solde-budgetaire" }
        #expect(gaps.count == 2)  // AE − proposition and disponible − proposition
        #expect(gaps.allSatisfy { $0.severity == .warning && $0.message.contains(try! euros("13 689 480,46 €").french) && $0.message.contains(try! euros("13 689 480,00 €").french) })
    }

    @Test func aPropositionTheRowsDoNotMake_isReported() throws {
        var budget = try budget("budget-2023.yaml")
        budget.lines[0].printedProposal?.amount = try euros("4 425 677,00 €")
        let findings = try BudgetChecker(budget, commitments: try bundledCommitments()).findings()
        let gap = try #require(findings.first { $0.code == "ecart-proposition" })
        #expect(gap.subject == "C02-446A05")
        #expect(gap.message.contains(try euros("4 425 677,72 €").french) && gap.message.contains("écart -0,72"))
    }

    static let newConvention = """
        format: subvention/convention 1
        convention:
          id: pas-de-calais-nouvelle-plateforme-2024
          titre: Nouvelle plateforme
          financeur: Département du Pas-de-Calais
          beneficiaire: Association
          deliberations:
            - { instance: Commission permanente, numero: 2024-999, date: 2024-10-07 }
          imputation: C01-444H02
          montant: 13 700 000 €
          composantes:
            - { id: subvention, libelle: Subvention, base: { montant-fixe: 13 700 000 € } }
          echeancier:
            - { id: avance, libelle: Avance, part: 50 %, declencheurs: [signature], echeance: 2024-11-15 }
            - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu], echeance: 2025-06-30 }
        """

    @Test func aConventionAboveTheAE_isAnErrorWithBothFigures() throws {
        let (convention, warnings) = try ConventionFiles.convention(text: Self.newConvention, file: "nouvelle.yaml")
        #expect(warnings.isEmpty)
        #expect(convention.imputation == Imputation(code: "C01-444H02"))
        let ledger = try ledger(extra: [convention])
        let line = try position("C01-444H02", in: ledger)
        #expect(line.committed == (try euros("14 000 000 €")))
        #expect(line.available == (try euros("-10 519,54 €")))
        let finding = try #require(ledger.findings.first { $0.code == "depassement-ae" })
        #expect(finding.severity == .error)
        #expect(finding.subject == "C01-444H02")
        #expect(finding.message.contains(try euros("14 000 000,00 €").french))
        #expect(finding.message.contains(try euros("13 989 480,46 €").french))
        #expect(finding.message.contains(try euros("10 519,54 €").french))
        // Its échéances fall in 2024 and 2025; the 300 000 € convention, with no bilan here, is not dated.
        let credits = ledger.credits.filter { $0.code == "C01-444H02" }
        #expect(credits.map(\.exercice) == [2024, 2025, nil])
        #expect(credits.map(\.planned) == (try ["6 850 000 €", "6 850 000 €", "300 000 €"].map(euros)))
    }

    /// A structure's bilan dates its row's échéances and pays its avance: CC Osartis Marquion (130 places × 160 € =
    /// 20 800 €) gets its avance of 10 400 € at its signature on 15/06/2023, its solde after the bilan of 01/03/2024.
    @Test func aStructureBilanDatesAndPaysItsRow() throws {
        let path = Self.root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml"
        guard case .programme(let programme) = try ConventionFiles.load(path: path).0 else {
            Issue.record("\(path) n'est pas un programme")
            return
        }
        let evaluator = try ProgrammeEvaluator(programme.programme)
        let amount = try euros("20 800 €")
        let index = try #require(programme.rows.firstIndex {
            $0.structure == "CC Osartis Marquion" && $0.declaredAmount == amount
        })
        let bilanPath = Self.root + "/Examples/bilans/structures/osartis-marquion-2023.yaml"
        let text = try String(contentsOfFile: bilanPath, encoding: .utf8)
        let (bilan, _) = try ConventionFiles.bilan(
            text: text, file: bilanPath, for: try evaluator.terms(for: programme.rows[index]))

        let without = try BudgetCommitment.commitments(of: evaluator, rows: [programme.rows[index]])
        #expect(without.count == 1)
        #expect(without[0].planned.map(\.exercice) == [nil])
        #expect(without[0].paid.isEmpty)

        let with = try BudgetCommitment.commitments(
            of: evaluator, rows: [programme.rows[index]], bilans: [0: bilan.bilan])
        #expect(with[0].amount == (try euros("20 800 €")))
        #expect(with[0].planned.map(\.amount) == (try ["10 400 €", "10 400 €"].map(euros)))
        #expect(with[0].planned.map(\.exercice) == [2023, 2024])
        #expect(with[0].paid.map(\.amount) == [try euros("10 400 €")])
        #expect(with[0].paid.map(\.date) == [CalendarDate(year: 2023, month: 6, day: 15)])
    }

    @Test func componentsSplitTheirConventionAcrossImputations() throws {
        let text = """
            format: subvention/convention 1
            convention:
              id: deux-lignes
              titre: Deux lignes
              financeur: Département du Pas-de-Calais
              beneficiaire: Association
              deliberations: [{ instance: CP, numero: 2024-1, date: 2024-02-01 }]
              imputation: C01-444H02
              composantes:
                - { id: a, libelle: A, base: { montant-fixe: 1 000 € } }
                - { id: b, libelle: B, base: { montant-fixe: 2 000 € }, imputation: { code-operation: C02-446A05, imputation-budgetaire: 6568/93446 } }
              echeancier:
                - { id: avance, libelle: Avance, part: 33 %, declencheurs: [signature], echeance: 2024-03-01 }
                - { id: solde, libelle: Solde, reste: true, declencheurs: [bilan-recu], echeance: 2025-03-01 }
            """
        let (convention, _) = try ConventionFiles.convention(text: text, file: "deux.yaml")
        let commitments = try BudgetCommitment.commitments(of: try CompiledConvention(convention), bilan: Bilan(), payments: [])
        #expect(commitments.map(\.imputation.code) == ["C01-444H02", "C02-446A05"])
        #expect(commitments.map(\.amount) == (try ["1 000 €", "2 000 €"].map(euros)))
        #expect(commitments[1].imputation.account == "6568/93446")
        #expect(commitments[0].planned.map(\.amount) == (try ["330 €", "670 €"].map(euros)))
        #expect(commitments[1].planned.map(\.amount) == (try ["660 €", "1 340 €"].map(euros)))
        #expect(commitments[1].planned.map(\.exercice) == [2024, 2025])
    }

    @Test func budgetFileDiagnosticsAreLocated() throws {
        let text = """
            format: subvention/budget 1
            budget:
              financeur: Département
              exercice: 2023
              lignes:
                - { code-operation: C02-446A05, imputation-budgetaire: 6568/93446, libelle: L, ae: "1 000,00 €", solde: 5 €, plafon: 3 }
                - { code-operation: C02-446A05, imputation-budgetaire: 6568/93446, libelle: L, ae: 12,5 € }
            """
        #expect {
            try ConventionFiles.budget(text: text, file: "b.yaml")
        } throws: { error in
            let messages = (error as? LoadFailure)?.diagnostics.map(\.description) ?? []
            return messages.contains { $0.hasPrefix("b.yaml:6:") && $0.contains("plafon") }
                && messages.contains { $0.hasPrefix("b.yaml:7:") }
        }
    }

    @Test func budgetFilesAreListedApartFromConventions() throws {
        let directory = Self.root + "/Conventions/pas-de-calais"
        #expect(try ConventionFiles.budgetFiles(at: directory).map { ($0 as NSString).lastPathComponent }
            == ["budget-2023.yaml", "budget-2024.yaml"])
        #expect(try ConventionFiles.files(at: directory).allSatisfy { !$0.contains("budget-") })
    }
}
