import Testing

@testable import SubventionCore

/// The kernel's prorata and unit pricing, on the Pas-de-Calais 2023 figures (CC Osartis Marquion: 130 places ×
/// 160 € = 20 800,00 €), in 64-bit arithmetic and through the 128-bit fallback.
@Suite("Noyau entier : prorata et prix unitaire")
struct KernelArithmeticTests {
    static let conventional: Int64 = 2_080_000
    static let objective = KernelValue(numerator: 130)
    static let fullRate = KernelValue(numerator: 1)

    @Test("130 places × 160 € = 20 800,00 €")
    func unitPricing() throws {
        let pricing = UnitPricing(price: KernelValue(numerator: 160), rule: .halfAwayFromZero, unit: 1)
        #expect(try pricing.amount(quantity: Self.objective) == 2_080_000)
        let soEau = UnitPricing(price: KernelValue(numerator: 2049, denominator: 10_000), rule: .towardZero, unit: 100)
        #expect(try soEau.amount(quantity: KernelValue(numerator: 84_934)) == 1_740_200)
    }

    @Test("Prorata : 75 % → 15 600,00 €, 40 % → 8 320,00 €, 120 % plafonné à 20 800,00 €", arguments: [
        (Int64(195), Int64(2), Int64(1_560_000)), (52, 1, 832_000), (156, 1, 2_080_000),
    ])
    func prorata(_ numerator: Int64, _ denominator: Int64, _ expected: Int64) throws {
        let realised = KernelValue(numerator: numerator, denominator: denominator)
        let due = try SettlementKernel.prorata(
            Self.conventional, realised, Self.objective, Self.fullRate, .halfAwayFromZero, 1)
        #expect(due == expected)
    }

    @Test("Les mêmes chiffres quand les produits dépassent 64 bits")
    func wideProrata() throws {
        // 97,5 places written over 2^40, an objective of 130 over 2^30: the cross products need 128 bits.
        let realised = KernelValue(numerator: 195 << 39, denominator: 1 << 40)
        let objective = KernelValue(numerator: 130 << 30, denominator: 1 << 30)
        #expect(try SettlementKernel.prorata(Self.conventional, realised, objective, Self.fullRate, .halfAwayFromZero, 1) == 1_560_000)
        let over = KernelValue(numerator: 156 << 40, denominator: 1 << 40)
        #expect(try SettlementKernel.prorata(Self.conventional, over, objective, Self.fullRate, .halfAwayFromZero, 1) == 2_080_000)
    }
}
