import SubventionConventions
import SubventionCore
import Testing

@testable import SubventionReports

/// Every euro accounted for: over generated portfolios (conventions, a programme, bilans with payments and events),
/// the report's totals equal the sums of their lines, per line `dû − versé = reste à payer − à reverser + non
/// versable`, the financeurs sum to the Total row, and the calendar holds exactly the reste à payer.
@Suite("Portefeuille : chaque euro est compté (propriétés)")
struct PortfolioReconciliationTests {
    /// A small deterministic generator (SplitMix64), so that a failing case can be replayed from its seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
        mutating func bool() -> Bool { next() % 2 == 0 }
        mutating func date() -> String {
            String(format: "%04d-%02d-%02d", int(2023...2026), int(1...12), int(1...28))
        }
    }

    static func euros(_ cents: Int) -> String {
        "\(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100) €"
    }

    static func convention(_ index: Int, _ random: inout Generator) throws -> (Convention, String) {
        let total = random.int(0...200_000_000)
        let share = random.int(0...100)
        let financeur = ["Département A", "Département B", "État"][random.int(0...2)]
        let due = random.bool() ? "\n      echeance: { jour: 31/01, annee: N+1 }" : ""
        // Half the conventions pay a share of a realised cost (the bilan may not give it: a forecast), half a fixed
        // amount; some cap the solde (an amount then not payable).
        let costShare = random.bool()
        let component = costShare
            ? """
              entrees:
                cout: { libelle: Coût réel, type: montant }
              composantes:
                - id: subvention
                  libelle: Subvention
                  base: { part-du-cout: { taux: 50 %, cout: cout, cout-prevu: "\(euros(total * 2))" } }
                  plafonds: [ { montant: "\(euros(total))", libelle: montant conventionné } ]
              """
            : """
              composantes:
                - { id: subvention, libelle: Subvention, base: { montant-fixe: "\(euros(total))" } }
              """
        let soldeCap = random.int(0...3) == 0
            ? "\n  reglement:\n    plafond-du-solde: { valeur: \"\(euros(random.int(0...total)))\" }" : ""
        let yaml = """
            format: subvention/convention 1
            convention:
              id: c\(index)
              titre: Convention \(index)
              financeur: \(financeur)
              beneficiaire: Bénéficiaire \(index)
              periode: { debut: 2024-01-01, fin: 2024-12-31 }
              montant: { valeur: "\(euros(total))" }
            \(component.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
              echeancier:
                - { id: acompte, libelle: Acompte, part: \(share) %, declencheurs: [convention-signee-recue] }
                - id: solde
                  libelle: Solde
                  reste: true
                  solde: true
                  declencheurs: [bilan-recu]\(due)\(soldeCap)
            """
        let (convention, _) = try ConventionFiles.convention(text: yaml, file: "c\(index).yaml")
        var bilan = "format: subvention/bilan 1\nbilan:\n  convention: c\(index)\n  evenements: {"
        var events: [String] = []
        if random.bool() { events.append("convention-signee-recue: \(random.date())") }
        if random.bool() { events.append("bilan-recu: \(random.date())") }
        bilan += events.joined(separator: ", ") + "}\n"
        if costShare && random.bool() { bilan += "  valeurs: { cout: \"\(euros(random.int(0...(total * 3))))\" }\n" }
        let payments = random.int(0...3)
        if payments > 0 {
            bilan += "  versements:\n"
            for _ in 0..<payments {
                let installment = ["acompte", "solde", nil][random.int(0...2)]
                let date = random.bool() ? ", date: \(random.date())" : ""
                bilan += "    - { \(installment.map { "echeance: \($0), " } ?? "")montant: \"\(euros(random.int(0...total)))\"\(date) }\n"
            }
        }
        return (convention, bilan)
    }

    static func programme(_ random: inout Generator) throws -> ProgrammeEntry {
        let yaml = """
            format: subvention/programme 1
            programme:
              id: p
              titre: Programme
              financeur: Département A
              periode: { debut: 2023-01-01, fin: 2023-12-31 }
              unites: [place]
              modeles:
                m:
                  titre: Modèle
                  entrees:
                    quantite-realisee: { libelle: Réalisé, unite: place }
                  parametres:
                    avance: Avance
                  plafonds-par-ligne:
                    - prorata: { realise: quantite-realisee, objectif: quantite-de-la-ligne, ratio-maximum: 100 % }
                      libelle: prorata
                  echeancier:
                    - { id: avance, libelle: Avance, parametre: avance, declencheurs: [signature] }
                    - { id: solde, libelle: Solde, reste: true, solde: true, declencheurs: [bilan-recu] }
              operations:
                - { id: op1, libelle: Opération 1, libelles-tableau: ["Op 1"], prix-unitaire: 160 €/place, modele: m }
              tableau:
                fichier: t.csv
                colonnes: { operation: operation, territoire: territoire, structure: structure, quantite: quantite, montant: montant }
            """
        var csv = "operation;territoire;structure;quantite;montant\n"
        let rows = random.int(1...8)
        for row in 0..<rows {
            let places = random.int(1...500)
            csv += "Op 1;T\(row % 3);S\(row);\(places);\(euros(places * 16_000))\n"
        }
        let table = Array(csv.utf8)
        let (loaded, _) = try ConventionFiles.programme(text: yaml, file: "p.yaml") { _ in TableFile(path: "t.csv", bytes: table) }
        var entry = ProgrammeEntry(
            file: "p.yaml", evaluator: try ProgrammeEvaluator(loaded.programme), rows: loaded.rows)
        for (index, row) in loaded.rows.enumerated() where random.bool() {
            let quantity = row.quantity.map { Int($0.numerator / $0.denominator) } ?? 0
            var values: [String: InputValue] = [:]
            if random.bool() {
                values["quantite-realisee"] = .quantity(Quantity(Rational(Int64(random.int(0...(quantity * 2)))), QuantityUnit("place")))
            }
            entry.bilans[index] = Bilan(
                events: random.bool() ? ["signature": CalendarDate(year: 2023, month: 6, day: 15)!] : [:],
                values: values, parameters: ["avance": Money(cents: Int64(random.int(0...Int(row.declaredAmount.cents))))])
        }
        return entry
    }

    static func money(_ cell: ReportCell) -> Money? {
        if case .money(let amount) = cell { return amount }
        return nil
    }

    static func table(_ report: Report, _ id: String) throws -> ReportTable {
        let section = try #require(report.sections.first { $0.id == id })
        guard case .table(let table) = section.content else { throw Failure.notATable(id) }
        return table
    }

    enum Failure: Error { case notATable(String) }

    @Test("≥ 1 000 portefeuilles générés : totaux, financeurs, lignes et calendrier se réconcilient")
    func reconciles() throws {
        var random = Generator(state: 20_251_125)
        for seed in 0..<1_000 {
            var conventions: [PortfolioEntry] = []
            for index in 0..<random.int(1...5) {
                let (convention, bilanText) = try Self.convention(index, &random)
                let (bilan, _) = try ConventionFiles.bilan(text: bilanText, file: "b\(index).yaml", for: convention)
                conventions.append(
                    PortfolioEntry(
                        file: "c\(index).yaml", convention: try CompiledConvention(convention), bilan: bilan.bilan,
                        bilanFile: "b\(index).yaml"))
            }
            let programmes = random.bool() ? [try Self.programme(&random)] : []
            let asOf = CalendarDate(year: random.int(2023...2027), month: random.int(1...12), day: random.int(1...28))
            let report = try PortfolioReport.build(conventions: conventions, programmes: programmes, asOf: asOf)

            let lines = try Self.table(report, "conventions")
            let total = try #require(lines.total)
            // Columns 3…8: montant, versé, dû, reste à payer, à reverser, non versable.
            for column in 3...8 {
                let sum = try lines.rows.compactMap { Self.money($0[column]) }.sum()
                #expect(Self.money(total[column]) == sum, "seed \(seed), colonne \(column)")
            }
            for row in lines.rows {
                let figures = (3...8).compactMap { Self.money(row[$0]) }
                #expect(figures.count == 6)
                let (due, paid, remaining, reversement, notPayable) = (figures[2], figures[1], figures[3], figures[4], figures[5])
                #expect(try due - paid == remaining - reversement + notPayable, "seed \(seed), \(row[0].french)")
                #expect(!remaining.isNegative && !reversement.isNegative)
            }
            let financeurs = try Self.table(report, "financeurs")
            for (column, financeurColumn) in zip(3...8, 3...8) {
                let sum = try financeurs.rows.compactMap { Self.money($0[financeurColumn]) }.sum()
                #expect(Self.money(total[column]) == sum, "seed \(seed), financeurs, colonne \(column)")
            }
            let section = try #require(report.sections.first { $0.id == "calendrier" })
            guard case .calendar(let calendar) = section.content else { throw Failure.notATable("calendrier") }
            #expect(Self.money(total[6]) == (try calendar.remaining()), "seed \(seed), calendrier / reste à payer")
            #expect(Self.money(total[4]) == calendar.totalPaid, "seed \(seed), calendrier / versé")
            let table = CalendarTable.make(calendar)
            let calendarTotal = try #require(table.total)
            for column in 1...3 {
                let sum = try table.rows.compactMap { Self.money($0[column]) }.sum()
                #expect(Self.money(calendarTotal[column]) == sum, "seed \(seed), calendrier colonne \(column)")
            }
        }
    }

    @Test("Un dépassement de capacité dans une somme est une erreur, jamais un total tronqué")
    func overflowIsAnError() throws {
        let huge = Money(cents: Int64.max - 1)
        let line = PositionLine(installmentID: "a", label: "A", amount: huge, state: .paid(on: CalendarDate(year: 2025, month: 1, day: 1)))
        #expect(throws: ArithmeticError.self) { try PaymentCalendar(lines: [line, line]) }
        #expect(throws: ArithmeticError.self) { try PaymentCalendar(lines: [line, PositionLine(installmentID: nil, label: "B", amount: huge, state: .paid(on: nil))]) }
    }
}
