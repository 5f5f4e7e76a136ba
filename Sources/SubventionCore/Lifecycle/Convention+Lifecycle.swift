extension Convention {
    /// Where the convention stands at `asOf` given the dated events of a bilan: every date derived from its
    /// résiliation clauses (under the retained readings, or those named in `readings`), the résiliation retained,
    /// mise en demeure, suspension, and the monthly deadlines of `asOf`'s month.
    ///
    /// A clause applies when its anchor event is dated. Of the clauses of one ground, the one named in `readings`
    /// applies, else the one marked retained (a clause marked `retenue: false` is a reading, applied only by name). A résiliation for breach does not follow a mise en demeure
    /// lifted (`mise-en-demeure-levee`) before the end of its delay. Without `asOf`, every dated event is taken as
    /// having happened.
    public func lifecycleStatus(
        events: [String: CalendarDate], asOf: CalendarDate?, readings: Set<String> = []
    ) -> LifecycleStatus {
        var trace = Trace()
        var dates: [LifecycleDate] = []
        var outcomes: [TerminationOutcome] = []
        var formalNoticeEnd: CalendarDate?
        let terms = lifecycle
        if let reminder = events[LifecycleEvent.reminderSent.rawValue] {
            dates.append(LifecycleDate(id: "relance", date: reminder, text: "relance envoyée", clause: nil))
        }
        for ground in TerminationClause.Ground.allCases {
            let candidates = terms.terminations.filter { $0.ground == ground }
            guard
                let chosen = candidates.first(where: { readings.contains($0.id) }) ?? candidates.first(where: \.retained)
            else { continue }
            let reading = chosen.readings.first { readings.contains($0.id) }
            let delay = reading?.delay ?? chosen.delay
            let anchor = reading?.anchor ?? chosen.anchor
            let readingNote = reading.map { " (lecture « \($0.id) »)" } ?? ""
            guard let anchorDate = events[anchor] else { continue }
            guard let end = delay.map({ $0.end(from: anchorDate) }) ?? anchorDate else { continue }
            let anchorLabel = LifecycleEvent(rawValue: anchor)?.frenchLabel ?? "l'événement « \(anchor) »"
            trace.record(
                chosen.clause,
                "\(chosen.label) : \(delay.map { "\($0) après " } ?? "à ")\(anchorLabel) du \(anchorDate.frenchShort)"
                    + " → \(end.frenchShort)\(readingNote)", amount: nil, subject: chosen.id)
            let isFormalNotice = anchor.hasPrefix("mise-en-demeure")
            if isFormalNotice {
                dates.append(
                    LifecycleDate(
                        id: "fin-de-mise-en-demeure", date: end, text: "fin du délai de la mise en demeure",
                        clause: chosen.clause))
                if let lifted = events[LifecycleEvent.formalNoticeLifted.rawValue], lifted >= anchorDate, lifted <= end {
                    trace.record(
                        chosen.clause, "Mise en demeure suivie d'effet le \(lifted.frenchShort) : pas de résiliation",
                        amount: nil, subject: chosen.id)
                    continue
                }
                if asOf.map({ $0 < end }) ?? false { formalNoticeEnd = end }
            }
            var effective = end
            if chosen.earliest, let asked = events[LifecycleEvent.terminationDateAsked.rawValue] {
                if let latest = delay?.latestAnchor(endingBy: asked) {
                    dates.append(
                        LifecycleDate(
                            id: "preavis", date: latest,
                            text: "\(anchorLabel) au plus tard pour un effet au \(asked.frenchShort)", clause: chosen.clause))
                    trace.record(
                        chosen.clause,
                        "Pour un effet au \(asked.frenchShort), \(anchorLabel) au plus tard le \(latest.frenchShort)",
                        amount: nil, subject: chosen.id)
                }
                if asked > effective {
                    effective = asked
                } else if asked < effective {
                    trace.record(
                        chosen.clause,
                        "Date demandée \(asked.frenchShort) antérieure à la fin du délai : effet au plus tôt le \(end.frenchShort)",
                        amount: nil, subject: chosen.id)
                }
            }
            let notified = LifecycleEvent.terminationNotified.rawValue
            if ground == .breach, anchor != notified, let date = events[notified], date > effective {
                effective = date
                trace.record(chosen.clause, "Résiliation notifiée le \(date.frenchShort)", amount: nil, subject: chosen.id)
            }
            dates.append(
                LifecycleDate(id: chosen.id, date: effective, text: chosen.label, clause: chosen.clause))
            outcomes.append(
                TerminationOutcome(
                    clauseID: chosen.id, ground: ground, effective: effective, clause: chosen.clause, figures: nil))
        }
        let termination = outcomes.min { $0.effective < $1.effective }
        if let termination {
            dates.append(
                LifecycleDate(
                    id: "resiliation", date: termination.effective, text: "effet de la résiliation",
                    clause: termination.clause))
            trace.record(
                termination.clause, "Résiliation effective le \(termination.effective.frenchShort)", amount: nil,
                subject: termination.clauseID)
        }
        if let asOf {
            for deadline in terms.monthlyDeadlines {
                if let date = deadline.date(year: asOf.year, month: asOf.month) {
                    dates.append(LifecycleDate(id: deadline.id, date: date, text: deadline.label, clause: deadline.clause))
                    trace.record(
                        deadline.clause,
                        "\(deadline.label) : le \(deadline.rank)e \(deadline.weekday.french) ouvré du mois → "
                            + date.frenchShort, amount: nil, subject: deadline.id)
                }
            }
        }
        var state = LifecycleStatus.State.running
        if let suspended = events[LifecycleEvent.suspensionNotified.rawValue], asOf.map({ suspended <= $0 }) ?? true {
            let lifted = events[LifecycleEvent.suspensionLifted.rawValue]
            if lifted.map({ date in asOf.map { date > $0 } ?? false }) ?? true {
                state = .suspended
                trace.record(
                    terms.suspension?.clause, "Versements suspendus depuis le \(suspended.frenchShort)", amount: nil,
                    subject: nil)
            }
        }
        if let termination {
            if asOf.map({ termination.effective <= $0 }) ?? true {
                state = .terminated
            } else if formalNoticeEnd != nil, termination.ground == .breach {
                state = .formalNotice
            } else {
                state = .terminating
            }
        } else if formalNoticeEnd != nil {
            state = .formalNotice
        }
        return LifecycleStatus(
            state: state, dates: dates, termination: termination, formalNoticeEnd: formalNoticeEnd,
            readings: readings.sorted(), trace: trace.steps)
    }

    /// The money of a résiliation: what is due then (per the declared consequence), what was paid, and the titre de
    /// recettes or the solde.
    ///
    /// - `part-non-utilisee`: due = min(justified use, `wouldHavePaid`); without a justified-use input, the
    ///   justified use is what the settlement computes from the bilan (« les sommes indûment perçues »);
    /// - `totalite`: due = 0;
    /// - `aucune-ecrite` (or nothing declared): due = min(paid, `wouldHavePaid`): nothing more is paid.
    /// - Throws: ``EngineError/missingInput(key:label:component:)`` when the justified use is needed and not given.
    public func terminationFigures<Recorder: TraceRecorder>(
        _ termination: TerminationOutcome, values: [String: InputValue], wouldHavePaid: Money, paid: Money,
        trace: inout Recorder
    ) throws(EngineError) -> TerminationFigures {
        let consequence = lifecycle.consequence ?? TerminationConsequence(kind: .noneWritten)
        var justifiedUse: Money?
        let due: Money
        switch consequence.kind {
        case .unusedPart:
            var use = wouldHavePaid
            if let key = consequence.justifiedUseInput {
                guard case .money(let given)? = values[key] else {
                    let label = inputs.first { $0.key == key }?.label ?? "emploi des fonds justifié"
                    throw .missingInput(key: key, label: label, component: "resiliation")
                }
                use = given
                justifiedUse = given
            }
            due = Money.min(use, wouldHavePaid)
            trace.record(
                consequence.clause,
                justifiedUse == nil
                    ? "Résiliation : reversement des sommes indûment perçues ; dû selon le bilan \(wouldHavePaid.french)"
                    : "Résiliation : reversement de la part non utilisée ; emploi justifié \(use.french), dans la limite "
                        + "de \(wouldHavePaid.french) que la convention aurait versés", amount: due, subject: termination.clauseID)
        case .everything:
            due = .zero
            trace.record(
                consequence.clause, "Résiliation : reversement de la totalité des sommes versées", amount: due,
                subject: termination.clauseID)
        case .noneWritten:
            due = Money.min(paid, wouldHavePaid)
            trace.record(
                consequence.clause,
                "Résiliation : aucune conséquence financière écrite ; rien n'est plus versé, "
                    + "dans la limite de \(wouldHavePaid.french)", amount: due, subject: termination.clauseID)
        }
        let balance = try exact { try due - paid }
        let claim = balance.isNegative ? try exact { try balance.negated() } : Money.zero
        let solde = balance.isPositive ? balance : Money.zero
        if claim.isPositive {
            trace.record(
                consequence.clause,
                "\(consequence.label.capitalizedFirst) : \(paid.french) versés moins \(due.french) dus, à compter du "
                    + termination.effective.frenchShort, amount: claim, subject: termination.clauseID)
        }
        return TerminationFigures(
            consequence: consequence.kind, wouldHavePaid: wouldHavePaid, justifiedUse: justifiedUse, due: due,
            paid: paid, claim: claim, solde: solde, claimLabel: consequence.label)
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
