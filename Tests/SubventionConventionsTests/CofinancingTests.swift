import Foundation
import SubventionCore
import Testing

@testable import SubventionConventions

/// Issue 12: a convention funded by several financeurs, each one's share per action.
@Suite("Convention cofinancée (issue 12)")
struct CofinancingTests {
    static let path = "Examples/conventions/alpes-maritimes/cofinancement-pauvrete-2023.yaml"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func text() throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func load(_ text: String) throws -> Convention {
        try ConventionFiles.convention(text: text, file: "cofinancement.yaml").0
    }

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try ConventionFiles.convention(text: text, file: "cofinancement.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("Chaque financeur a sa part : ses composantes, son échéancier, son total")
    func shares() throws {
        let convention = try load(try Self.text())
        let shares = convention.shares()
        #expect(shares.map(\.financeur) == ["État", "Département des Alpes-Maritimes"])
        #expect(shares.map { $0.components.count } == [5, 5])
        #expect(shares[0].installments.map(\.id) == ["avance-etat", "solde-etat"])
        let totals = try shares.map { try CompiledConvention($0).total }
        #expect(totals == [Money(cents: 94_926_800), Money(cents: 325_145_450)])
        #expect(ConventionChecker(try CompiledConvention(convention)).findings().isEmpty)
    }

    @Test("Un seul bilan : l'État 27 898,13 €, le Département 32 101,87 € sur 60 000 € réalisés, sans centime perdu")
    func dueFromOneBilan() throws {
        let convention = try load(try Self.text())
        let bilan = Bilan(
            values: [
                "cout-referent": .money(Money(cents: 6_000_000)), "cout-orientation": .money(Money(cents: 63_200_000)),
                "cout-contact": .money(Money(cents: 329_296_050)), "cout-violences": .money(Money(cents: 9_000_000)),
                "cout-mobilite": .money(Money(cents: 11_100_000)),
            ],
            payments: [Payment(installment: "avance-etat", amount: Money(cents: 47_463_400))])
        let settled = try convention.shares().map { share in
            try CompiledConvention(share).settle(bilan.share(for: share))
        }
        #expect(settled[0].components.first?.due == Money(cents: 2_789_813))
        #expect(settled[1].components.first?.due == Money(cents: 3_210_187))
        #expect(settled.map(\.due) == [Money(cents: 94_240_413), Money(cents: 324_355_637)])
        #expect(settled.map(\.paid) == [Money(cents: 47_463_400), .zero])
    }

    @Test("Les parts des financeurs contre le total, et chaque part contre ses composantes")
    func totalsChecked() throws {
        let text = try Self.text().replacingOccurrences(
            of: "montant: { valeur: \"3 251 454,50 €\"", with: "montant: { valeur: \"3 251 454 €\"")
        let findings = ConventionChecker(try CompiledConvention(try load(text))).findings()
        let codes = Set(findings.filter { $0.severity == .error }.map(\.code))
        #expect(codes == ["total-cofinanceurs", "total-financeur"], "\(findings)")
        let share = try #require(findings.first { $0.code == "total-financeur" })
        #expect(share.message.hasPrefix("Part « Département des Alpes-Maritimes »"), "\(share.message)")
        #expect(!ConventionChecker.refusals(of: try load(text)).isEmpty)
    }

    @Test("Composante sans financeur, financeur inconnu, « financeur » sans cofinanceurs : erreurs au chargement")
    func financeurDeclared() throws {
        let text = try Self.text()
        let unknown = diagnostics(text.replacingOccurrences(of: "      financeur: etat\n      base: { part-du-cout: { taux: 34 762", with: "      financeur: etta\n      base: { part-du-cout: { taux: 34 762"))
        #expect(unknown.contains { $0.message.contains("financeur « etta » inconnu (vouliez-vous dire « etat » ?)") }, "\(unknown)")
        let missing = diagnostics(text.replacingOccurrences(of: "      financeur: etat\n      base: { part-du-cout: { taux: 34 762", with: "      base: { part-du-cout: { taux: 34 762"))
        #expect(missing.contains { $0.message.contains("« referent-etat » doit nommer son financeur") }, "\(missing)")
        let alone = diagnostics(LoaderDiagnosticsTests.valid.replacingOccurrences(of: "      libelle: Places\n", with: "      libelle: Places\n      financeur: etat\n"))
        #expect(alone.contains { $0.message.contains("ne sert que dans une convention cofinancée") }, "\(alone)")
    }

    @Test("Un versement sans échéance dans le bilan d'une convention cofinancée est refusé")
    func paymentNamesItsInstallment() throws {
        let convention = try load(try Self.text())
        let bilan = """
            format: subvention/bilan 1
            bilan:
              convention: alpes-maritimes-cofinancement-pauvrete-2023
              versements:
                - { montant: 1 000 € }
            """
        #expect(throws: LoadFailure.self) { try ConventionFiles.bilan(text: bilan, file: "b.yaml", for: convention) }
    }
}
