import Testing

@testable import SubventionCore

/// Issue 10: a check whose arithmetic fails is reported, never skipped in silence.
@Suite("Contrôles incalculables")
struct CheckComputationTests {
    @Test("Un débordement dans un contrôle donne une erreur « controle-incalculable » nommant le contrôle et l'opération")
    func overflowIsAFinding() {
        var findings: [Finding] = []
        let result = ConventionChecker.computed("Somme des échéances", subject: "c1", into: &findings) {
            try Money(cents: .max) + Money(cents: 1)
        }
        #expect(result == nil)
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.code == "controle-incalculable")
        #expect(findings.first?.message.hasPrefix("Somme des échéances : le contrôle ne peut être calculé") == true)
    }

    @Test("Un calcul qui aboutit ne laisse aucun constat")
    func successLeavesNoFinding() throws {
        var findings: [Finding] = []
        let result = ConventionChecker.computed("Somme", subject: "c1", into: &findings) { try Money(cents: 1) + Money(cents: 2) }
        #expect(result == Money(cents: 3))
        #expect(findings.isEmpty)
    }
}
