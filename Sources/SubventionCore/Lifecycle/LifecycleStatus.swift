/// Where a convention stands in its life at a date: running, under mise en demeure, résiliation pending or done,
/// suspended; every date derived from its clauses, and the money of a résiliation.
public struct LifecycleStatus: Hashable, Sendable {
    /// The state at the date.
    public enum State: String, Hashable, Sendable {
        case running = "en-cours"
        /// A mise en demeure runs: the résiliation follows at the end of its delay unless it is lifted.
        case formalNotice = "mise-en-demeure"
        /// A résiliation is notified and takes effect later.
        case terminating = "resiliation-en-cours"
        case terminated = "resiliee"
        case suspended = "suspendue"

        /// « résiliée », « sous mise en demeure »…
        public var frenchLabel: String {
            switch self {
            case .running: return "en cours"
            case .formalNotice: return "sous mise en demeure"
            case .terminating: return "résiliation notifiée"
            case .terminated: return "résiliée"
            case .suspended: return "versements suspendus"
            }
        }
    }

    public var state: State
    /// Every date derived from the clauses, in the order computed.
    public var dates: [LifecycleDate]
    /// The résiliation retained (the earliest effective one), when the events make one.
    public var termination: TerminationOutcome?
    /// When a mise en demeure runs: the day its delay ends.
    public var formalNoticeEnd: CalendarDate?
    /// The readings applied (clause ids or reading ids), besides the retained ones.
    public var readings: [String]
    public var trace: [TraceStep]

    /// Whether échéances not yet paid can no longer be paid (résiliée, résiliation notified, or suspended).
    public var blocksPayments: Bool { state != .running }

    /// The derived date of that id (`resiliation`, `preavis`, a clause id, a monthly deadline id).
    public func date(_ id: String) -> CalendarDate? { dates.first { $0.id == id }?.date }

    /// One French sentence: « résiliée le 31/10/2025 (article 6, l. 419) ; titre de recettes de 32 775,00 € ».
    public var summary: String {
        switch state {
        case .running:
            return "en cours"
        case .formalNotice:
            return "sous mise en demeure" + (formalNoticeEnd.map { " jusqu'au \($0.frenchShort)" } ?? "")
                + (termination.map { ", résiliation le \($0.effective.frenchShort) si elle reste sans effet" } ?? "")
        case .suspended:
            return "versements suspendus"
        case .terminating, .terminated:
            guard let termination else { return state.frenchLabel }
            var text = (state == .terminated ? "résiliée le " : "résiliation notifiée, effective le ")
                + termination.effective.frenchShort
            if let figures = termination.figures {
                if figures.claim.isPositive {
                    text += " ; \(figures.claimLabel) de \(figures.claim.french) à compter du "
                        + termination.effective.frenchShort
                } else if figures.solde.isPositive {
                    text += " ; reste dû \(figures.solde.french)"
                }
            }
            return text
        }
    }
}

/// A date derived from a clause of the convention's life.
public struct LifecycleDate: Hashable, Sendable {
    /// `resiliation`, `preavis`, `fin-de-mise-en-demeure`, `titre-de-recettes`, a clause id or a deadline id.
    public var id: String
    public var date: CalendarDate
    /// What the date is, in French.
    public var text: String
    public var clause: Clause?
}

/// A résiliation that has an effective date.
public struct TerminationOutcome: Hashable, Sendable {
    /// The clause applied.
    public var clauseID: String
    public var ground: TerminationClause.Ground
    public var effective: CalendarDate
    public var clause: Clause?
    /// Its money, once the settlement computed what the convention would have paid.
    public var figures: TerminationFigures?
}

/// The money of a résiliation: what is due then, what was paid, and the titre de recettes.
///
/// Invariants: `due ≤ wouldHavePaid`; `claim = paid − due` when positive, else 0; `solde = due − paid` when
/// positive, else 0.
public struct TerminationFigures: Hashable, Sendable {
    public var consequence: TerminationConsequence.Kind
    /// What the convention would have paid without the résiliation (the dotation due of the settlement).
    public var wouldHavePaid: Money
    /// The justified use of the funds, for a reversement of the unused part.
    public var justifiedUse: Money?
    /// What is due at the résiliation.
    public var due: Money
    public var paid: Money
    /// The titre de recettes (reversement) to issue, dated from the effective date.
    public var claim: Money
    /// What remains to pay to the beneficiary for the justified use, if more than paid.
    public var solde: Money
    /// « titre de recettes », « reversement ».
    public var claimLabel: String
}
