import Foundation
import SubventionConventions
import SubventionCore
import SubventionReports
import Testing

/// Issue 10: a batch total that overflows is an error, never a total silently left short of a row.
@Suite("Rapport de lot : un total qui déborde est une erreur")
struct BatchReportOverflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("Deux lignes dont la somme dépasse la capacité d'un montant : le rapport refuse, il ne garde pas le total partiel")
    func overflowingTotalThrows() throws {
        let (loaded, _) = try ConventionFiles.load(path: Self.root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml")
        guard case .programme(let programme) = loaded else { throw LoadFailure([]) }
        let evaluator = try ProgrammeEvaluator(programme.programme)
        var evaluations = try programme.rows.prefix(2).map { try evaluator.evaluate($0, defaultParameters: [:], asOf: nil) }
        #expect(evaluations.count == 2)
        let build = {
            try BatchReport.build(
                programme: programme.programme, evaluations: evaluations, findings: [], asOf: nil, tableFile: nil)
        }
        // The bundled rows total without trouble: the report is built.
        _ = try build()
        for index in evaluations.indices { evaluations[index].row.declaredAmount = Money(cents: Int64.max - 1) }
        #expect(throws: ArithmeticError.self) { try build() }
    }
}
