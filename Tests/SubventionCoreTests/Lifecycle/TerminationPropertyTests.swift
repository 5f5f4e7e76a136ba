import PropertyBased
import Testing

@testable import SubventionCore

/// For any résiliation: due ≤ what the convention would have paid, and paid − due is the titre de recettes or 0.
struct TerminationPropertyTests {
    /// A convention paying `rate` of a real cost, capped at `ceiling`, 70 % at signature, résiliable 30 days after
    /// the mise en demeure is received, with the given consequence.
    static func convention(rate: Rational, ceiling: Money, consequence: TerminationConsequence.Kind, justified: Bool)
        throws -> Convention
    {
        var convention = Convention(
            id: "essai", title: "Essai", financeur: "Département", beneficiaire: "CCAS",
            period: Period(start: CalendarDate(year: 2025, month: 1, day: 1)!, end: CalendarDate(year: 2025, month: 12, day: 31)!),
            inputs: [
                InputDeclaration(key: "cout", label: "Coût réel", kind: .money),
                InputDeclaration(key: "emploi", label: "Emploi justifié", kind: .money),
            ],
            components: [
                Component(
                    id: "part", label: "Part du coût",
                    basis: .costShare(rate: rate, costInput: "cout", plannedCost: nil, costLimits: []),
                    limits: [Limit(.amount(ceiling), label: "plafond")])
            ],
            installments: [
                Installment(id: "avance", label: "Avance", amount: .share(try Rational(7, 10)), triggers: [.signature]),
                Installment(id: "solde", label: "Solde", amount: .remainder, triggers: [.bilanReceived], isSettlement: true),
            ])
        convention.lifecycle = LifecycleTerms(
            terminations: [
                TerminationClause(
                    id: "manquement", label: "Manquement", ground: .breach, delay: NoticeDelay(30, .calendarDays),
                    anchor: LifecycleEvent.formalNoticeReceived.rawValue)
            ],
            consequence: TerminationConsequence(kind: consequence, justifiedUseInput: justified ? "emploi" : nil))
        return convention
    }

    @Test func terminationNeverOwesMoreThanTheConventionAndClaimsExactlyTheOverpayment() async {
        await propertyCheck(
            count: 2_000,
            input: Gen.int64(in: 1...10_000), Gen.int64(in: 0...100_000_000), Gen.int64(in: 0...200_000_000),
            Gen.int64(in: 0...200_000_000), Gen.int64(in: 0...200_000_000), Gen.int(in: 0..<4), Gen.int(in: 0...400)
        ) { basisPoints, ceilingCents, costCents, useCents, paidCents, kindIndex, dayOffset in
            let kinds: [(TerminationConsequence.Kind, Bool)] = [
                (.unusedPart, true), (.unusedPart, false), (.everything, false), (.noneWritten, false),
            ]
            let (kind, justified) = kinds[kindIndex]
            let convention = try Self.convention(
                rate: try Rational(basisPoints, 10_000), ceiling: Money(cents: ceilingCents), consequence: kind,
                justified: justified)
            let received = CalendarDate(year: 2025, month: 1, day: 1)!.adding(days: dayOffset)!
            let bilan = Bilan(
                events: ["signature": CalendarDate(year: 2025, month: 1, day: 1)!, "mise-en-demeure-recue": received],
                values: ["cout": .money(Money(cents: costCents)), "emploi": .money(Money(cents: useCents))],
                payments: [Payment(installment: "avance", amount: Money(cents: paidCents))])
            let settlement = try CompiledConvention(convention).settle(bilan)
            var running = convention
            running.lifecycle = LifecycleTerms()
            let wouldHavePaid = try CompiledConvention(running).settle(bilan).due
            let termination = try #require(settlement.lifecycle?.termination)
            let figures = try #require(termination.figures)
            #expect(termination.effective == received.adding(days: 30))
            #expect(figures.wouldHavePaid == wouldHavePaid)
            #expect(figures.due <= wouldHavePaid)
            #expect(figures.paid == Money(cents: paidCents))
            let overpaid = try figures.paid - figures.due
            #expect(figures.claim == (overpaid.isPositive ? overpaid : .zero))
            #expect(figures.solde == (overpaid.isNegative ? try overpaid.negated() : .zero))
            #expect(settlement.due == figures.due)
            switch settlement.outcome {
            case .reversement(let claim): #expect(claim == figures.claim && claim.isPositive)
            case .solde(let solde): #expect(solde == figures.solde && figures.claim.isZero)
            case .settled: #expect(figures.claim.isZero && figures.solde.isZero)
            }
            if figures.claim.isPositive {
                #expect(settlement.lifecycle?.date("titre-de-recettes") == termination.effective)
            }
            switch kind {
            case .everything: #expect(figures.due.isZero)
            case .noneWritten: #expect(figures.solde.isZero)
            case .unusedPart where justified: #expect(figures.due == Money.min(Money(cents: useCents), wouldHavePaid))
            case .unusedPart: #expect(figures.due == wouldHavePaid)
            }
        }
    }

    @Test("Une mise en demeure levée avant la fin du délai n'entraîne pas de résiliation")
    func liftedFormalNotice() throws {
        let convention = try Self.convention(rate: try Rational(1, 2), ceiling: Money(cents: 10_000_000), consequence: .everything, justified: false)
        let events = [
            "mise-en-demeure-recue": CalendarDate(year: 2025, month: 10, day: 1)!,
            "mise-en-demeure-levee": CalendarDate(year: 2025, month: 10, day: 20)!,
        ]
        let status = convention.lifecycleStatus(events: events, asOf: CalendarDate(year: 2025, month: 12, day: 1))
        #expect(status.termination == nil)
        #expect(status.state == .running)
        let during = convention.lifecycleStatus(
            events: ["mise-en-demeure-recue": CalendarDate(year: 2025, month: 10, day: 1)!],
            asOf: CalendarDate(year: 2025, month: 10, day: 15))
        #expect(during.state == .formalNotice)
        #expect(during.formalNoticeEnd == CalendarDate(year: 2025, month: 10, day: 31))
        #expect(during.blocksPayments)
    }
}
