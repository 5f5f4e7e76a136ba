import Foundation
import SubventionConventions
import SubventionCore
import SubventionScenarios
import Testing

/// Issue 12: what `record` writes, `replay` reads back and finds identical — for a convention and for one
/// financeur's share of a co-financed convention.
@Suite("Enregistrement puis rejeu d'un scénario (issue 12)")
struct RecorderRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("La convention de l'État et la part du Département du cofinancement : enregistrés, relus, rejoués sans écart", arguments: [
        ("Conventions/alpes-maritimes/etat-france-travail-2024.yaml", "Examples/bilans/alpes-maritimes-etat-france-travail-2024.yaml", nil as String?),
        ("Examples/conventions/alpes-maritimes/cofinancement-pauvrete-2023.yaml", "Examples/cofinancement/bilan-2023.yaml", "departement"),
    ])
    func roundTrip(convention: String, bilanPath: String, financeur: String?) throws {
        let conventionPath = Self.root + "/" + convention
        let (target, _) = try SettlementTarget.load(
            conventionPath, structure: nil, operation: nil, asOf: CalendarDate(year: 2026, month: 3, day: 1),
            financeur: financeur)
        let bilan = try ConventionFiles.loadBilan(path: Self.root + "/" + bilanPath, for: target.terms).0.bilan
        let schedule = try target.schedule(events: bilan.events, parameters: bilan.parameters, payments: bilan.payments)
        let settlement = try target.settle(bilan, asOf: CalendarDate(year: 2026, month: 3, day: 1))
        let yaml = ScenarioRecorder.yaml(
            name: "Aller-retour", conventionReference: conventionPath,
            fingerprint: FileFingerprint.of(path: conventionPath), structure: nil, operation: nil,
            asOf: CalendarDate(year: 2026, month: 3, day: 1), bilan: bilan, schedule: schedule, settlement: settlement,
            financeur: financeur)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("subvention-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/aller-retour.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = ScenarioRunner.run(path: path)
        #expect(result.passed, "\(result.report)")
        #expect(result.notes.isEmpty)
        #expect(yaml.contains("du: \"\(settlement.due.french)\""), "\(yaml)")
        if let financeur { #expect(yaml.contains("financeur: \"\(financeur)\"")) }
    }
}
