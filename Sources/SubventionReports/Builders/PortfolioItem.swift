import SubventionCore

/// One line of the portfolio: a convention's position, or a programme's positions summed over its rows.
///
/// Every figure comes from the engine's ``Position``: the report builders only sum and place them.
struct PortfolioItem {
    /// A paid or unpaid amount, with the structure it belongs to for a programme row.
    struct Line {
        var owner: String
        var line: PositionLine
    }

    let id: String
    let title: String
    let financeur: String
    let beneficiaire: String
    let total: Money
    let paid: Money
    let due: Money
    let remaining: Money
    let reversement: Money
    let notPayable: Money
    /// `bilan`, `prévisionnel`, or for a programme `153 structures, 1 bilan`.
    let basis: String
    let lines: [Line]
    let obligations: [(owner: String, status: ObligationStatus)]
    /// Why some figures are forecasts (prévisionnel), for the « Remarques » section.
    let notes: [String]
    let isProgramme: Bool

    init(_ entry: PortfolioEntry, asOf: CalendarDate?) throws(EngineError) {
        let convention = entry.convention.convention
        let position = try entry.convention.position(entry.bilan, asOf: asOf)
        id = convention.id
        title = convention.title
        financeur = convention.financeur
        beneficiaire = convention.beneficiaire
        total = position.total
        paid = position.paid
        due = position.due
        remaining = position.remaining
        reversement = position.reversement
        notPayable = position.notPayable
        basis = position.isSettled && entry.bilanFile != nil ? "bilan" : "prévisionnel"
        lines = position.lines.map { Line(owner: "", line: $0) }
        obligations = position.obligations.map { ("", $0) }
        notes = position.forecastReason.map { ["\(convention.title) : règlement prévisionnel, \($0)"] } ?? []
        isProgramme = false
    }

    /// The programme as one line: every row's position summed (committed = printed amounts; paid = avances paid;
    /// due = the settlement where the realised figures are known).
    init(_ entry: ProgrammeEntry, asOf: CalendarDate?) throws(EngineError) {
        let programme = entry.evaluator.programme
        var sums = [Money](repeating: .zero, count: 6)
        var lines: [Line] = []
        var obligations: [(owner: String, status: ObligationStatus)] = []
        var notes: [String] = []
        for (index, row) in entry.rows.enumerated() {
            let bilan = entry.bilans[index] ?? Bilan()
            let position = try entry.evaluator.position(of: row, bilan: bilan, asOf: asOf)
            let figures = [
                position.total, position.paid, position.due, position.remaining, position.reversement, position.notPayable,
            ]
            for (slot, amount) in figures.enumerated() { sums[slot] = try exact { try sums[slot] + amount } }
            lines += position.lines.map { Line(owner: row.structure, line: $0) }
            obligations += position.obligations.map { (row.structure, $0) }
            if entry.bilans[index] != nil, let reason = position.forecastReason {
                notes.append("\(programme.title) / \(row.structure) : règlement prévisionnel, \(reason)")
            }
        }
        id = programme.id
        title = programme.title
        financeur = programme.financeur
        beneficiaire = "\(entry.rows.count) structure\(entry.rows.count > 1 ? "s" : "")"
        total = sums[0]
        paid = sums[1]
        due = sums[2]
        remaining = sums[3]
        reversement = sums[4]
        notPayable = sums[5]
        let bilans = entry.bilans.count
        basis = "programme, \(bilans) bilan\(bilans > 1 ? "s" : "")"
        self.lines = lines
        self.obligations = obligations
        self.notes = notes
        isProgramme = true
    }
}
