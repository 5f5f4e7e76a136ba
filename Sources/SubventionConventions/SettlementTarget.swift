import SubventionCore

/// What a schedule, a settlement or a scenario computes on: a convention, or one structure of a programme.
public struct SettlementTarget: Sendable {
    /// A compiled convention, or a programme's evaluator and the row chosen.
    public enum Kind: Sendable {
        case convention(CompiledConvention)
        case row(ProgrammeEvaluator, ProgrammeRow, rows: [ProgrammeRow])
    }

    public let kind: Kind
    /// The convention or programme file.
    public let file: String
    /// The terms bilans are read against (the convention, or the row's model).
    public let terms: Convention
    /// For one financeur of a co-financed convention, that financeur's share (``Convention/shares()``): what is
    /// computed and reported; bilans are still read against the whole convention (``terms``).
    public var share: Convention? = nil

    /// The terms reports show: the financeur's share, else the convention or the row's model.
    public var reportTerms: Convention { share ?? terms }

    /// The bilan as this target sees it: for a financeur's share, only the payments on its installments.
    func scoped(_ bilan: Bilan) -> Bilan {
        share.map { bilan.share(for: $0) } ?? bilan
    }

    func scoped(_ payments: [Payment]) -> [Payment] {
        guard let share else { return payments }
        return Bilan(payments: payments).share(for: share).payments
    }

    /// Loads `file` as it stands at `asOf`; a programme needs `structure` (and `operation` when the structure has
    /// several rows). Returns the warnings of the file.
    ///
    /// A co-financed convention needs `financeur` (a ``Cofinancer/id``): the target is that financeur's share.
    public static func load(
        _ file: String, structure: String?, operation: String?, asOf: CalendarDate?, financeur: String? = nil
    ) throws(TargetError) -> (SettlementTarget, [Diagnostic])
    {
        let loaded: LoadedFile
        let warnings: [Diagnostic]
        do {
            (loaded, warnings) = try ConventionFiles.load(path: file)
        } catch {
            throw .unreadable(error.diagnostics)
        }
        switch loaded {
        case .convention(let convention):
            let compiled: CompiledConvention
            var share: Convention?
            if convention.isCofinanced {
                let ids = convention.cofinancers.map(\.id)
                guard let financeur, let chosen = convention.share(of: financeur) else {
                    let named = financeur.map { "financeur « \($0) » inconnu ; " } ?? ""
                    let suggestion = financeur.flatMap { Suggestion.closest(to: $0, among: ids) }
                        .map { "vouliez-vous dire « \($0) » ? " } ?? ""
                    throw .unreadable([
                        Self.error(
                            file, "convention cofinancée : \(named)\(suggestion)choisissez un financeur (--financeur "
                                + ids.joined(separator: " | ") + ")")
                    ])
                }
                share = chosen
            } else if let financeur {
                throw .unreadable([
                    Self.error(file, "« \(financeur) » : --financeur ne sert que pour une convention cofinancée")
                ])
            }
            do {
                compiled = try CompiledConvention(share ?? convention, at: asOf)
            } catch {
                throw .refused("\(file): erreur: \(error)")
            }
            let refusals = ConventionChecker(compiled).refusals()
            guard refusals.isEmpty else {
                throw .refused(
                    refusals.map { finding in
                        "\(finding.positions.first?.description ?? file): erreur: \(finding.message) "
                            + "(refusé : corrigez le fichier ; `subvention check` le signale aussi)"
                    }.joined(separator: "\n"))
            }
            // The whole convention is checked (its financeurs' totals too), then its share is computed.
            if share != nil {
                let whole = ConventionChecker.refusals(of: convention.applyingAmendments(at: asOf))
                guard whole.isEmpty else {
                    throw .refused(whole.map { "\($0.positions.first?.description ?? file): erreur: \($0.message)" }
                        .joined(separator: "\n"))
                }
            }
            var target = SettlementTarget(
                kind: .convention(compiled), file: file, terms: share == nil ? compiled.convention : convention)
            target.share = share.map { _ in compiled.convention }
            return (target, warnings)
        case .programme(let programme):
            guard let structure else {
                throw .unreadable([Self.error(file, "c'est un programme : choisissez une structure (--structure)")])
            }
            let rows = ProgrammeEvaluator.rows(
                named: structure, operation: operation, in: programme.rows, programme: programme.programme)
            guard rows.count == 1, let row = rows.first else {
                let message = rows.isEmpty
                    ? "structure « \(structure) » absente du tableau"
                    : "« \(structure) » a \(rows.count) lignes (\(rows.map(\.operation).joined(separator: " ; "))) : "
                        + "précisez l'opération (--operation)"
                throw .unreadable([Self.error(file, message)])
            }
            do {
                let evaluator = try ProgrammeEvaluator(programme.programme)
                let target = SettlementTarget(
                    kind: .row(evaluator, row, rows: programme.rows), file: file, terms: try evaluator.terms(for: row))
                return (target, warnings)
            } catch {
                throw .refused("\(file): erreur: \(error)")
            }
        case .bilan:
            throw .unreadable([Self.error(file, "un fichier de convention ou de programme est attendu")])
        }
    }

    static func error(_ file: String, _ message: String) -> Diagnostic {
        Diagnostic(severity: .error, file: file, line: 0, column: 0, message: message)
    }

    /// The échéancier, with the events, parameters and payments of a bilan.
    public func schedule(events: [String: CalendarDate], parameters: [String: Money], payments: [Payment])
        throws(EngineError) -> Schedule
    {
        switch kind {
        case .convention(let compiled):
            return try compiled.schedule(events: events, parameters: parameters, payments: scoped(payments))
        case .row(let evaluator, let row, _):
            return try evaluator.schedule(
                row, events: events, defaultParameters: row.parameters.merging(parameters) { $1 }, payments: payments)
        }
    }

    /// The settlement from a bilan.
    /// `readings`: readings of ambiguous résiliation clauses to apply instead of the retained ones.
    public func settle(_ bilan: Bilan, asOf: CalendarDate?, readings: Set<String> = []) throws(EngineError) -> Settlement {
        switch kind {
        case .convention(let compiled): return try compiled.settle(scoped(bilan), asOf: asOf, readings: readings)
        case .row(let evaluator, let row, _): return try evaluator.settle(row, bilan: bilan, asOf: asOf, readings: readings)
        }
    }

    /// Where the convention or the row stands at `asOf` with what the bilan says happened.
    public func position(_ bilan: Bilan, asOf: CalendarDate?) throws(EngineError) -> Position {
        switch kind {
        case .convention(let compiled): return try compiled.position(scoped(bilan), asOf: asOf)
        case .row(let evaluator, let row, _): return try evaluator.position(of: row, bilan: bilan, asOf: asOf)
        }
    }

    /// The obligations at `asOf` with the bilan's events.
    public func obligations(events: [String: CalendarDate], asOf: CalendarDate?) throws(EngineError) -> [ObligationStatus] {
        switch kind {
        case .convention(let compiled): return compiled.obligations(events: events, asOf: asOf)
        case .row(let evaluator, let row, _):
            return try evaluator.position(of: row, bilan: Bilan(events: events), asOf: asOf).obligations
        }
    }

    /// What `check` reports on the convention or the programme.
    public func findings() throws(EngineError) -> [Finding] {
        switch kind {
        case .convention(let compiled): return ConventionChecker(compiled).findings()
        case .row(let evaluator, _, let rows): return try ProgrammeChecker(evaluator.programme, rows: rows).findings()
        }
    }
}

/// Why a target could not be loaded: unreadable input (exit code 2) or a computation refused (exit code 1).
public enum TargetError: Error, Sendable {
    case unreadable([Diagnostic])
    case refused(String)
}
