import Foundation
import GRDB
import PropertyBased
import SubventionCore
import Testing

@testable import SubventionRegister

/// Issue 14: the register is append-only, chained, and `verify` names the first entry changed behind its back.
@Suite("Registre : ajout seul, chaînage SHA-256, vérification")
struct RegisterStoreTests {
    static func scratch() -> String {
        NSTemporaryDirectory() + "registre-\(UUID().uuidString).sqlite"
    }

    static let angers = "maine-et-loire-ccas-angers-2025"

    static func payment(_ euros: Int64, number: String, installment: String = "premier-versement") throws -> NewEntry {
        NewEntry(
            kind: .payment, convention: angers, installment: installment, amount: try Money(euros: euros),
            date: CalendarDate(year: 2025, month: 4, day: 15), number: number, fiscalYear: 2025, imputation: "65-6561")
    }

    @Test("Écritures numérotées 1, 2, 3, chacune chaînée à la précédente ; relues à l'identique")
    func appendAndReadBack() throws {
        let register = try Register(path: Self.scratch(), create: true)
        let first = try register.append([try Self.payment(48_000, number: "2025-0412")], author: "alice")
        let next = try register.append(
            [
                NewEntry(
                    kind: .event, convention: Self.angers, date: CalendarDate(year: 2026, month: 2, day: 10),
                    payload: EntryPayload(event: "bilan-recu")),
                NewEntry(
                    kind: .results, convention: Self.angers,
                    payload: EntryPayload(values: ["cout-mission": "130 000 €", "etp": "2 ETP"])),
            ], author: "bob")
        #expect(first.map(\.sequence) == [1])
        #expect(next.map(\.sequence) == [2, 3])
        #expect(first[0].previousHash == EntryHash.genesis)
        #expect(next[0].previousHash == first[0].hash)
        #expect(next[1].previousHash == next[0].hash)
        let entries = try register.entries()
        #expect(entries == first + next)
        #expect(entries[0].entry.amount == Money(cents: 4_800_000))
        #expect(entries[0].author == "alice")
        #expect(entries[0].recordedAt.hasSuffix("Z"))
        let verification = try register.verify()
        #expect(verification.isIntact)
        #expect(verification.count == 3)
        #expect(verification.lastHash == next[1].hash)
        let summary = try register.summary()
        #expect(summary.count == 3)
        #expect(summary.french.hasPrefix("Registre : \(register.path), 3 écritures, dernière le "))
    }

    @Test("UPDATE et DELETE refusés par les déclencheurs")
    func appendOnly() throws {
        let path = Self.scratch()
        let register = try Register(path: path, create: true)
        try register.append([try Self.payment(48_000, number: "2025-0412")], author: "alice")
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE entries SET amount_cents = 1 WHERE sequence = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM entries") }
        }
        #expect(try register.verify().isIntact)
    }

    @Test("Montant changé hors de l'outil (déclencheur supprimé) : la vérification nomme l'écriture n° 2")
    func tamperedAmount() throws {
        let path = Self.scratch()
        let register = try Register(path: path, create: true)
        try register.append(
            [try Self.payment(48_000, number: "A"), try Self.payment(1_000, number: "B"), try Self.payment(500, number: "C")],
            author: "alice")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER entries_no_update")
            try db.execute(sql: "UPDATE entries SET amount_cents = 100001 WHERE sequence = 2")
        }
        let verification = try register.verify()
        #expect(verification.firstBadEntry == 2)
        #expect(verification.problem?.contains("empreinte") == true)
        #expect(verification.missingTriggers == ["entries_no_update"])
    }

    @Test("Écriture supprimée hors de l'outil : la vérification nomme le numéro manquant")
    func deletedEntry() throws {
        let path = Self.scratch()
        let register = try Register(path: path, create: true)
        try register.append(
            [try Self.payment(1, number: "A"), try Self.payment(2, number: "B"), try Self.payment(3, number: "C")],
            author: "alice")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER entries_no_delete")
            try db.execute(sql: "DELETE FROM entries WHERE sequence = 2")
        }
        let verification = try register.verify()
        #expect(verification.firstBadEntry == 2)
        #expect(verification.problem?.contains("absente") == true)
    }

    @Test("Un numéro de mandat ne s'enregistre qu'une fois (index unique, et contrôle nommant l'écriture)")
    func duplicateMandate() throws {
        let register = try Register(path: Self.scratch(), create: true)
        try register.append([try Self.payment(48_000, number: "2025-0412")], author: "alice")
        let second = try Self.payment(12_000, number: "2025-0412", installment: "solde")
        #expect(throws: RegisterError.self) {
            try register.append([second], author: "alice") { reader throws(RegisterError) in
                var guardian = try EntryGuard(reader: reader, conventions: [Self.angers]) { _ throws(RegisterError) in
                    PaymentCeiling(total: Money(cents: 6_000_000), installments: [:])
                }
                try guardian.admit(second)
            }
        }
        // Behind the guard, the database's unique index refuses it too.
        #expect(throws: RegisterError.self) { try register.append([second], author: "alice") }
        #expect(try register.entries().count == 1)
    }

    @Test("Plafond : 82 775 € versés sur 118 250 €, 40 000 € de plus refusés avec les chiffres ; 35 475 € acceptés")
    func ceiling() throws {
        let ceiling = PaymentCeiling(
            total: Money(cents: 11_825_000),
            installments: ["acompte": Money(cents: 8_277_500), "solde": Money(cents: 3_547_500)])
        do {
            try ceiling.check(
                amount: try Money(euros: 40_000), installment: nil, paidInTotal: Money(cents: 8_277_500),
                paidOnInstallment: .zero, target: "doubs-ccas-besancon-2025")
            Issue.record("accepté")
        } catch {
            #expect("\(error)".contains("118\u{A0}250,00\u{A0}€"))
            #expect("\(error)".contains("122\u{A0}775,00\u{A0}€"))
            #expect("\(error)".contains("4\u{A0}525,00\u{A0}€"))
        }
        try ceiling.check(
            amount: Money(cents: 3_547_500), installment: "solde", paidInTotal: Money(cents: 8_277_500),
            paidOnInstallment: .zero, target: "doubs-ccas-besancon-2025")
    }

    @Test("Annulation : l'écriture annulée sort du grand livre ; une annulation ne s'annule pas, ni deux fois")
    func cancellation() throws {
        let register = try Register(path: Self.scratch(), create: true)
        try register.append([try Self.payment(48_000, number: "A"), try Self.payment(1_000, number: "B")], author: "a")
        func cancel(_ sequence: Int64) throws {
            let entry = NewEntry(
                kind: .cancellation, convention: Self.angers, motif: "erreur de saisie",
                payload: EntryPayload(cancels: sequence))
            try register.append([entry], author: "a") { reader throws(RegisterError) in
                var guardian = try EntryGuard(reader: reader, conventions: []) { _ throws(RegisterError) in
                    PaymentCeiling(total: .zero, installments: [:])
                }
                try guardian.admit(entry)
            }
        }
        try cancel(2)
        #expect(throws: RegisterError.self) { try cancel(2) }
        #expect(throws: RegisterError.self) { try cancel(3) }
        #expect(throws: RegisterError.self) { try cancel(9) }
        let ledger = RegisterLedger(try register.entries())
        let situation = try #require(ledger.situations[RecordTarget(convention: Self.angers)])
        #expect(try situation.paid() == Money(cents: 4_800_000))
        #expect(ledger.cancelled == [2: 3])
        let sums = try register.read { reader throws(RegisterError) in
            try reader.paidSums(RecordTarget(convention: Self.angers))
        }
        #expect(sums == ["premier-versement": Money(cents: 4_800_000)])
    }

    @Test("Propriété : changer un seul champ d'une écriture change son empreinte")
    func hashCoversEveryField() async {
        await propertyCheck(
            count: 200,
            input: Gen.int64(in: 0...1_000_000_000), Gen.int(in: 0..<9), Gen.int64(in: 1...1_000_000)
        ) { cents, field, sequence in
            let base = NewEntry(
                kind: .payment, convention: "c", installment: "acompte", amount: Money(cents: cents),
                date: CalendarDate(year: 2025, month: 4, day: 15), number: "M-1", fiscalYear: 2025, imputation: "65",
                motif: nil, payload: EntryPayload())
            var changed = base
            switch field {
            case 0: changed.amount = Money(cents: cents + 1)
            case 1: changed.convention = "d"
            case 2: changed.installment = nil
            case 3: changed.date = CalendarDate(year: 2025, month: 4, day: 16)
            case 4: changed.number = "M-2"
            case 5: changed.fiscalYear = 2026
            case 6: changed.imputation = "6"
            case 7: changed.motif = ""
            default: changed.kind = .receiptOrder
            }
            func hash(_ entry: NewEntry) -> String {
                EntryHash.sha256(
                    EntryHash.canonical(
                        sequence: sequence, recordedAt: "2026-01-01T00:00:00.000Z", author: "a", entry: entry,
                        payload: entry.payload.json, previousHash: EntryHash.genesis))
            }
            #expect(hash(base) != hash(changed))
            #expect(hash(base) == hash(base))
        }
    }

    @Test("Le registre fait un bilan que le lecteur de bilans lit : montants machine, dates ISO, valeurs telles qu'écrites")
    func bilanDocument() throws {
        var situation = RecordedSituation(target: RecordTarget(convention: Self.angers))
        situation.events = ["convention-signee-recue": CalendarDate(year: 2025, month: 4, day: 2)!]
        situation.values = ["etp": "2 ETP"]
        situation.apply(
            RegisterEntry(
                sequence: 1, recordedAt: "", author: "", entry: try Self.payment(48_000, number: "A"), previousHash: "",
                hash: ""))
        let text = situation.bilanDocument
        #expect(text.contains("\"format\" : \"subvention/bilan 1\""))
        #expect(text.contains("\"montant\" : \"48000.00\""))
        #expect(text.contains("\"date\" : \"2025-04-15\""))
        #expect(text.contains("\"convention-signee-recue\" : \"2025-04-02\""))
    }
}
