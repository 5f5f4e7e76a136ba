import SubventionCore
import Testing

@Suite("Taux pour les programmes : exacts, jamais arrondis en silence")
struct RationalMachineTests {
    @Test("Décimal fini en notation décimale, sinon la fraction exacte (le « ≈ » n'est jamais perdu)")
    func machineIsExact() throws {
        #expect(try Rational(4097, 10000).machine == "0.4097")
        #expect(try Rational(195, 2).machine == "97.5")
        #expect(Rational(84934).machine == "84934")
        // 34 762 / 74 762 of the realised cost: not a finite decimal.
        #expect(try Rational(34762, 74762).french().hasPrefix("≈"))
        #expect(try Rational(34762, 74762).machine == "17381/37381")
        #expect(try Rational(-1, 3).machine == "-1/3")
    }
}
