import SubventionCore

/// The settlement of a convention (`subvention settle`, `explain`) as a report: the dotation due per component,
/// the solde or reversement with whether it can be paid, the obligations, and the trace when asked.
public enum SettlementReport {
    /// - Throws: ``EngineError`` when a sum overflows.
    public static func build(_ settlement: Settlement, terms: Convention, explain: Bool, asOf: CalendarDate?)
        throws(EngineError) -> Report
    {
        let components = settlement.components.map { component -> [ReportCell] in
            [
                .text(component.id), .text(component.label), .money(component.conventional),
                .money(component.beforeLimits), .text(component.bindingLimit?.label ?? ""), .money(component.due),
            ]
        }
        var result: [[ReportCell]] = [
            [.text("total"), .text("Montant conventionné"), .money(settlement.total)],
            [.text("du"), .text("Dotation due"), .money(settlement.due)],
        ]
        if !settlement.majoration.isZero {
            result.append([.text("majoration"), .text("Dont majoration"), .money(settlement.majoration)])
        }
        result.append([.text("verse"), .text("Déjà versé"), .money(settlement.paid)])
        switch settlement.outcome {
        case .solde(let amount):
            result.append([.text("solde"), .text("Solde"), .money(amount), .text(settlement.soldePayability?.description ?? "")])
        case .reversement(let amount):
            result.append([
                .text("reversement"), .text(terms.settlement.reversementLabel.capitalizedFirst + " à émettre"), .money(amount),
            ])
        case .settled:
            result.append([.text("solde"), .text("Rien à verser ni à reverser"), .money(.zero)])
        }
        if !settlement.notPayable.isZero {
            result.append([
                .text("non-versable"), .text("Non versable (au-delà du plafond du solde)"), .money(settlement.notPayable),
            ])
        }
        var sections = [
            ReportSection(id: "resultat", title: "Résultat", content: .paragraphs([sentence(settlement, terms: terms)])),
            ReportSection(
                id: "composantes", title: "Dotation due par composante",
                content: .table(
                    ReportTable(
                        columns: [
                            ReportColumn("id", "Id"), ReportColumn("libelle", "Composante"),
                            ReportColumn("conventionne", "Conventionné"), ReportColumn("avant-plafonds", "Avant plafonds"),
                            ReportColumn("plafond-retenu", "Plafond retenu"), ReportColumn("du", "Dû"),
                        ],
                        rows: components, total: [.text("Total"), .empty, .empty, .empty, .empty, .money(settlement.componentsSum)]))),
            ReportSection(
                id: "reglement", title: "Règlement",
                content: .table(
                    ReportTable(
                        columns: [
                            ReportColumn("poste", "Poste"), ReportColumn("libelle", "Libellé"), ReportColumn("montant", "Montant"),
                            ReportColumn("etat", "Exigibilité"),
                        ], rows: result))),
            exigibilite(settlement.soldePayability),
            ObligationsSection.make(settlement.obligations),
        ]
        if let lifecycle = settlement.lifecycle { sections += LifecycleSections.make(lifecycle) }
        if explain { sections.append(TraceSection.make(settlement.trace)) }
        return Report(
            kind: "reglement", title: "Règlement — \(terms.title)", subtitle: ["\(terms.financeur) → \(terms.beneficiaire)"],
            asOf: asOf, sections: sections)
    }

    /// « Solde à verser : 478 412,80 € (exigible depuis le 20/03/2025) », « Solde : 35 475,00 €, non exigible (…) ».
    static func sentence(_ settlement: Settlement, terms: Convention) -> String {
        switch settlement.outcome {
        case .solde(let amount):
            guard let payability = settlement.soldePayability else { return "Solde à verser : \(amount.french)" }
            if case .waiting = payability { return "Solde : \(amount.french), non exigible (\(payability))" }
            return "Solde à verser : \(amount.french) (\(payability))"
        case .reversement(let amount):
            return "\(terms.settlement.reversementLabel.capitalizedFirst) à émettre : \(amount.french)"
        case .settled:
            return "Rien à verser ni à reverser"
        }
    }

    /// Whether the solde can be paid: one row, `etat` `versee`, `exigible` or `en-attente`.
    static func exigibilite(_ payability: Payability?) -> ReportSection {
        var rows: [[ReportCell]] = []
        if let payability {
            var since: CalendarDate?
            var awaiting: [TriggerEvent] = []
            switch payability {
            case .paid: break
            case .payable(let date): since = date
            case .waiting(let events): awaiting = events
            }
            rows.append([
                .text(payability.code), since.map(ReportCell.date) ?? .empty,
                .text(awaiting.map(\.rawValue).joined(separator: ", ")), .text(payability.description),
            ])
        }
        return ReportSection(
            id: "exigibilite", title: "Exigibilité du solde",
            content: .table(
                ReportTable(
                    columns: [
                        ReportColumn("etat", "État"), ReportColumn("depuis", "Depuis"), ReportColumn("attend", "Attend"),
                        ReportColumn("libelle", "Libellé"),
                    ], rows: rows)))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
