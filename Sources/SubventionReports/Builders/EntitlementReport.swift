import SubventionCore

/// What a bénéficiaire (a CCAS, an association) needs to know, in plain French: what it will receive, when, on
/// which conditions, what it must send by which date, and what a different realisation would change.
public enum EntitlementReport {
    /// A variation of the bilan and its settlement (« et si 120 places étaient réalisées ? »).
    public struct WhatIf: Sendable {
        public var description: String
        public var outcome: Result<Settlement, EngineError>

        public init(description: String, outcome: Result<Settlement, EngineError>) {
            self.description = description
            self.outcome = outcome
        }
    }

    public static func build(
        terms: Convention, total: Money, schedule: Schedule, settlement: Result<Settlement, EngineError>,
        obligations: [ObligationStatus], whatIfs: [WhatIf], asOf: CalendarDate?
    ) -> Report {
        var receive = ["Montant conventionné : \(total.french), versé par \(terms.financeur)."]
        switch settlement {
        case .success(let settlement):
            receive.append("Déjà reçu : \(settlement.paid.french).")
            receive.append("Au vu du bilan, la dotation due est de \(settlement.due.french).")
            receive.append(sentence(settlement.outcome, terms: terms))
            if let life = settlement.lifecycle, life.state != .running { receive.append("Convention \(life.summary).") }
            if settlement.notPayable > .zero {
                receive.append("\(settlement.notPayable.french) ne peuvent pas être versés : le solde est plafonné.")
            }
        case .failure(let error):
            let inputs = terms.inputs.map(\.label).joined(separator: " ; ")
            receive.append(
                "Le montant définitif sera calculé sur le bilan"
                    + (inputs.isEmpty ? "." : " à partir de : \(inputs).") + " (\(error))")
        }
        var sections = [
            ReportSection(id: "montants", title: "Ce que vous recevrez", content: .paragraphs(receive)),
            scheduleSection(schedule),
            obligationsSection(obligations),
            ReportSection(id: "conditions", title: "Conditions et plafonds", content: .paragraphs(conditions(terms))),
        ]
        if !whatIfs.isEmpty {
            sections.append(
                ReportSection(
                    id: "et-si", title: "Et si…",
                    content: .paragraphs(whatIfs.map { whatIf in
                        switch whatIf.outcome {
                        case .success(let settlement):
                            let consequence = sentence(settlement.outcome, terms: terms)
                            return "Si \(whatIf.description) : dotation due \(settlement.due.french) ; "
                                + consequence.prefix(1).lowercased() + consequence.dropFirst()
                        case .failure(let error):
                            return "Si \(whatIf.description) : calcul refusé (\(error))."
                        }
                    })))
        }
        return Report(
            kind: "droits", title: "Vos droits – \(terms.beneficiaire)", subtitle: [terms.title, "Financeur : \(terms.financeur)"],
            asOf: asOf, sections: sections)
    }

    static func sentence(_ outcome: SettlementOutcome, terms: Convention) -> String {
        switch outcome {
        case .solde(let amount): return "Il vous reste à recevoir \(amount.french)."
        case .reversement(let amount):
            return "Vous devrez reverser \(amount.french) (\(terms.settlement.reversementLabel))."
        case .settled: return "Vous avez reçu exactement ce qui est dû."
        }
    }

    static func scheduleSection(_ schedule: Schedule) -> ReportSection {
        let rows = schedule.installments.map { item -> [ReportCell] in
            let missing = item.installment.triggers.filter { item.triggerDates[$0] == nil }
            let state = item.status == .paid
                ? "versé" : (missing.isEmpty ? "exigible" : "après : " + missing.map(\.frenchLabel).joined(separator: ", "))
            return [
                .text(item.installment.label), .money(item.amount),
                .text(item.installment.triggers.map(\.frenchLabel).joined(separator: " et ")),
                item.dueDate.map(ReportCell.date) ?? item.payableFrom.map(ReportCell.date) ?? .empty, .text(state),
                .text(item.installment.clause?.description ?? ""),
            ]
        }
        return ReportSection(
            id: "versements", title: "Quand : les versements",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("versement", "Versement"), ReportColumn("montant", "Montant"), ReportColumn("condition", "À la"),
                        ReportColumn("date", "Date"), ReportColumn("etat", "État"), ReportColumn("source", "Source"),
                    ], rows: rows)))
    }

    static func obligationsSection(_ obligations: [ObligationStatus]) -> ReportSection {
        let rows = obligations.filter { $0.obligation.party == .beneficiaire }.map { status -> [ReportCell] in
            [
                .text(status.obligation.label), status.dueDate.map(ReportCell.date) ?? .text(status.obligation.due.description),
                .text(status.state.frenchLabel), .text(status.obligation.consequence ?? ""),
            ]
        }
        return ReportSection(
            id: "a-envoyer", title: "Ce que vous devez envoyer, et quand",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("document", "Document"), ReportColumn("echeance", "Échéance"), ReportColumn("etat", "État"),
                        ReportColumn("consequence", "Sinon"),
                    ], rows: rows)))
    }

    static func conditions(_ terms: Convention) -> [String] {
        var lines: [String] = []
        for component in terms.components {
            let limits = component.limits.map(\.label)
            lines.append(
                "« \(component.label) »" + (limits.isEmpty ? "." : " : dans la limite de " + limits.joined(separator: ", ") + ".")
                    + (component.clause.map { " [\($0)]" } ?? ""))
        }
        for limit in terms.settlement.totalLimits { lines.append("Total : dans la limite de \(limit.label).") }
        if let solde = terms.settlement.soldeLimit { lines.append("Le solde est plafonné à \(solde.amount.french).") }
        if let majoration = terms.majoration {
            lines.append(
                "Une majoration exceptionnelle est possible jusqu'à \(majoration.maximumShare.frenchPercentage) du montant : "
                    + "\(majoration.condition).")
        }
        return lines
    }
}
