import Foundation
import PropertyBased
import SubventionCore
import Testing

@testable import SubventionRegister

/// Issue 14: over generated versements, the guard keeps what is paid within the ceilings, refuses exactly what
/// would pass them, and what the register sums is what was accepted, to the cent.
@Suite("Contrôle des versements : propriétés")
struct EntryGuardPropertyTests {
    @Test("Versé ≤ plafond de la convention et de chaque échéance ; refusé ⇔ dépasserait ; somme relue = somme acceptée")
    func ceilingsHold() async {
        await propertyCheck(
            count: 40,
            input: Gen.int64(in: 1...50_000_000).array(of: 1...12), Gen.int(in: 0..<2).array(of: 12),
            Gen.int64(in: 1...100_000_000)
        ) { amounts, installments, totalCents in
            let register = try Register(path: RegisterStoreTests.scratch(), create: true)
            let total = Money(cents: totalCents)
            let split = Money(cents: totalCents * 7 / 10)
            let ceiling = PaymentCeiling(
                total: total, installments: ["acompte": split, "solde": try total - split])
            var acceptedTotal = Money.zero
            var acceptedOn: [String: Money] = [:]
            for (index, cents) in amounts.enumerated() {
                let installment = installments[index] == 0 ? "acompte" : "solde"
                let entry = NewEntry(
                    kind: .payment, convention: "c", installment: installment, amount: Money(cents: cents),
                    number: "M-\(index)")
                let wouldExceed =
                    try acceptedTotal + Money(cents: cents) > total
                    || (acceptedOn[installment] ?? .zero) + Money(cents: cents) > (ceiling.installments[installment] ?? .zero)
                do {
                    try register.append([entry], author: "p") { reader throws(RegisterError) in
                        var guardian = try EntryGuard(reader: reader, conventions: ["c"]) { _ throws(RegisterError) in ceiling }
                        try guardian.admit(entry)
                    }
                    #expect(!wouldExceed)
                    acceptedTotal = try acceptedTotal + Money(cents: cents)
                    acceptedOn[installment] = try (acceptedOn[installment] ?? .zero) + Money(cents: cents)
                } catch {
                    #expect(wouldExceed, "\(error)")
                }
            }
            #expect(acceptedTotal <= total)
            let ledger = RegisterLedger(try register.entries())
            let paid = try ledger.situations[RecordTarget(convention: "c")]?.paid() ?? .zero
            #expect(paid == acceptedTotal)
            #expect(try register.verify().isIntact)
        }
    }
}
