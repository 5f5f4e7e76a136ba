import SubventionCore

/// What a bénéficiaire (a CCAS, an association) needs to know, in plain French: what it will receive, when, on
/// which conditions, what it must send by which date, and what a different situation would change.
///
/// Every figure comes from one engine ``Position``: the sentence « Il vous reste à recevoir » and the table of
/// versements show the same amounts.
public enum EntitlementReport {
    /// A situation built from every value given (« et si 2 ETP et 116 000 € de coût ? ») and its settlement.
    public struct WhatIf: Sendable {
        public var description: String
        public var outcome: Result<Settlement, EngineError>

        public init(description: String, outcome: Result<Settlement, EngineError>) {
            self.description = description
            self.outcome = outcome
        }
    }

    /// - Parameters:
    ///   - position: where the convention stands with the bilan given (an empty bilan when none was).
    ///   - hasBilan: whether a bilan was given: without one, nothing is said « au vu du bilan ».
    public static func build(
        terms: Convention, position: Position, hasBilan: Bool, whatIf: WhatIf?, asOf: CalendarDate?
    ) -> Report {
        var sections = [
            ReportSection(id: "montants", title: "Ce que vous recevrez", content: .paragraphs(amounts(terms, position, hasBilan))),
            versementsSection(terms, position),
            obligationsSection(position.obligations),
            ReportSection(id: "conditions", title: "Conditions et plafonds", content: .paragraphs(conditions(terms))),
        ]
        if let whatIf { sections.append(whatIfSection(whatIf, terms: terms)) }
        return Report(
            kind: "droits", title: "Vos droits – \(terms.beneficiaire)", subtitle: [terms.title, "Financeur : \(terms.financeur)"],
            asOf: asOf, sections: sections)
    }

    static func amounts(_ terms: Convention, _ position: Position, _ hasBilan: Bool) -> [String] {
        var lines = [
            "Montant conventionné : \(position.total.french), versé par \(terms.financeur).",
            "Déjà reçu : \(position.paid.french).",
        ]
        if let settlement = position.settlement, hasBilan {
            lines.append("Au vu du bilan, la dotation due est de \(settlement.due.french).")
        } else {
            let inputs = terms.inputs.map(\.label).joined(separator: " ; ")
            lines.append(
                "Le montant définitif sera calculé sur le bilan" + (inputs.isEmpty ? "." : " à partir de : \(inputs).")
                    + " En attendant, le montant prévu est de \(position.due.french).")
        }
        if let life = position.settlement?.lifecycle, life.state != .running {
            lines.append("Convention \(life.summary).")
        }
        if position.remaining.isPositive {
            let unpaid = position.lines.filter { !$0.state.isPaid }
            let states = unpaid.map { "\($0.amount.french) \($0.state.french)" }.joined(separator: " ; ")
            lines.append("Il vous reste à recevoir \(position.remaining.french) (\(states)).")
        }
        if position.reversement.isPositive {
            lines.append("Vous devrez reverser \(position.reversement.french) (\(terms.settlement.reversementLabel)).")
        }
        if !position.remaining.isPositive && !position.reversement.isPositive {
            lines.append(position.settlement == nil ? "Tout le montant prévu vous a été versé." : "Vous avez reçu exactement ce qui est dû.")
        }
        if position.notPayable.isPositive {
            lines.append("\(position.notPayable.french) ne peuvent pas être versés : le solde est plafonné.")
        }
        return lines
    }

    /// Each amount of the échéancier: paid on its payment date, or still to receive with its state.
    static func versementsSection(_ terms: Convention, _ position: Position) -> ReportSection {
        let clauses = Dictionary(terms.installments.map { ($0.id, $0.clause) }) { first, _ in first }
        let rows = position.lines.map { line -> [ReportCell] in
            let clause = line.installmentID.flatMap { clauses[$0] ?? nil }
            return [
                .text(line.label), .money(line.amount), .text(line.triggers.map(\.frenchLabel).joined(separator: " et ")),
                line.state.date.map(ReportCell.date) ?? .empty, .text(line.state.french), .text(clause?.description ?? ""),
            ]
        }
        return ReportSection(
            id: "versements", title: "Quand : les versements",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("versement", "Versement"), ReportColumn("montant", "Montant", importance: .high),
                        ReportColumn("condition", "À la", importance: .low), ReportColumn("date", "Date", importance: .high),
                        ReportColumn("etat", "État", importance: .high), ReportColumn("source", "Source", importance: .low),
                    ], rows: rows)))
    }

    static func whatIfSection(_ whatIf: WhatIf, terms: Convention) -> ReportSection {
        var lines: [String]
        switch whatIf.outcome {
        case .success(let settlement):
            let consequence: String
            switch settlement.outcome {
            case .solde(let amount): consequence = "il vous resterait à recevoir \(amount.french)"
            case .reversement(let amount): consequence = "vous devriez reverser \(amount.french) (\(terms.settlement.reversementLabel))"
            case .settled: consequence = "vous auriez reçu exactement ce qui est dû"
            }
            lines = ["Si \(whatIf.description) : dotation due \(settlement.due.french) ; \(consequence)."]
            lines += settlement.trace.map { "Calcul : \($0)" }
        case .failure(let error):
            lines = ["Si \(whatIf.description) : calcul refusé (\(error))."]
        }
        return ReportSection(id: "et-si", title: "Et si…", content: .paragraphs(lines))
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
                        ReportColumn("document", "Document"), ReportColumn("echeance", "Échéance", importance: .high),
                        ReportColumn("etat", "État", importance: .high), ReportColumn("consequence", "Sinon", importance: .low),
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
