import Foundation
import SubventionConventions
import SubventionCore
import SubventionRegister
import SubventionReports

/// What the `registre` verbs work with: the conventions (to check entries against), the register, the author.
struct RegisterWorkspace {
    let portfolio: PortfolioLoader
    let register: Register
    let author: String

    /// Loads the conventions of `conventions` and opens (or creates) the register; exits 2 when unreadable.
    init(conventions: String, options: RegisterOptions, author: String?) throws {
        portfolio = PortfolioLoader(paths: [conventions], bilans: nil, asOf: nil)
        if portfolio.unreadable { throw Console.unreadable }
        register = try options.openForWriting()
        self.author = author ?? Self.userName
    }

    /// The user name of the process (`USER`, else the system's).
    static var userName: String {
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return ProcessInfo.processInfo.userName
    }

    /// A convention, or one row of a programme, that entries are recorded for.
    struct Target {
        enum Kind {
            case convention(PortfolioEntry)
            case row(ProgrammeEntry, ProgrammeRow)
        }
        let kind: Kind
        let key: RecordTarget
        let terms: Convention

        func position(_ bilan: Bilan) throws(EngineError) -> Position {
            switch kind {
            case .convention(let entry): return try entry.convention.position(bilan, asOf: nil)
            case .row(let entry, let row): return try entry.evaluator.position(of: row, bilan: bilan, asOf: nil)
            }
        }
    }

    /// The target `convention` (with `structure` and `operation` for a programme); an unknown one exits 1 with a
    /// suggestion.
    func target(convention: String, structure: String?, operation: String?) throws -> Target {
        if let entry = portfolio.conventions.first(where: { $0.convention.convention.id == convention }) {
            if structure != nil {
                Console.err("erreur: « \(convention) » est une convention, pas un programme : pas de --structure")
                throw Console.failure
            }
            return Target(
                kind: .convention(entry), key: RecordTarget(convention: convention), terms: entry.convention.convention)
        }
        if let entry = portfolio.programmes.first(where: { $0.evaluator.programme.id == convention }) {
            guard let structure else {
                Console.err("erreur: « \(convention) » est un programme : précisez la structure (--structure)")
                throw Console.failure
            }
            let programme = entry.evaluator.programme
            let rows = ProgrammeEvaluator.rows(named: structure, operation: operation, in: entry.rows, programme: programme)
            guard rows.count == 1, let row = rows.first else {
                if rows.isEmpty {
                    let suggestion = Suggestion.closest(to: structure, among: Array(Set(entry.rows.map(\.structure))))
                        .map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                    Console.err("erreur: structure « \(structure) » absente du tableau de « \(convention) »\(suggestion)")
                } else {
                    Console.err(
                        "erreur: « \(structure) » a \(rows.count) lignes (\(rows.map(\.operation).joined(separator: " ; "))) : précisez l'opération (--operation)")
                }
                throw Console.failure
            }
            do {
                let terms = try entry.evaluator.terms(for: row)
                return Target(
                    kind: .row(entry, row),
                    key: RecordTarget(convention: convention, structure: structure, operation: operation), terms: terms)
            } catch {
                Console.err("erreur: \(convention) / \(structure) : \(error)")
                throw Console.failure
            }
        }
        let known = portfolio.conventions.map(\.convention.convention.id) + portfolio.programmes.map(\.evaluator.programme.id)
        let suggestion = Suggestion.closest(to: convention, among: known).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
        Console.err("erreur: convention « \(convention) » inconnue\(suggestion)")
        throw Console.failure
    }

    /// Checks that `installment` is an échéance of the target; exits 1 with a suggestion.
    func checkInstallment(_ installment: String, of target: Target) throws {
        let ids = target.terms.installmentIDs
        guard !ids.contains(installment) else { return }
        let suggestion = Suggestion.closest(to: installment, among: ids).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
        Console.err(
            "erreur: échéance « \(installment) » inconnue de « \(target.key.convention) » (échéances : \(ids.joined(separator: ", ")))\(suggestion)")
        throw Console.failure
    }

    /// Checks that `event` is declared by the target's convention; exits 1 with a suggestion.
    func checkEvent(_ event: String, of target: Target) throws {
        let declared = target.terms.recordableEvents
        guard !declared.contains(event) else { return }
        let suggestion = Suggestion.closest(to: event, among: declared).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
        Console.err(
            "erreur: événement « \(event) » non prévu par « \(target.key.convention) » (événements : \(declared.joined(separator: ", ")))\(suggestion)")
        throw Console.failure
    }

    /// The bilan a situation amounts to, read against `target` like a file.
    func bilan(_ situation: RecordedSituation, for target: Target) throws(RegisterError) -> Bilan {
        do {
            return try ConventionFiles.bilan(
                text: situation.bilanDocument, file: "\(register.path)#\(target.key.french)", for: target.terms
            ).0.bilan
        } catch {
            throw .refused(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    /// The ceilings of the target's versements: its échéances' amounts, and the montant conventionné plus the
    /// majoration recorded.
    func ceiling(_ situation: RecordedSituation, for target: Target) throws(RegisterError) -> PaymentCeiling {
        // The ceilings depend on the convention, its events and parameters, not on what is paid.
        var terms = situation
        terms.payments = []
        let position: Position
        do {
            position = try target.position(try bilan(terms, for: target))
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .refused("\(target.key.french) : \(error)")
        }
        var total = position.total
        if let majoration = situation.majoration {
            do { total = try total + majoration } catch { throw .refused("\(target.key.french) : \(error)") }
        }
        var installments: [String: Money] = [:]
        for line in position.schedule?.installments ?? [] { installments[line.installment.id] = line.amount }
        return PaymentCeiling(total: total, installments: installments)
    }

    /// Records `entries` for `targets` (by key) in one transaction after the guards; a refusal exits 1.
    @discardableResult
    func record(_ entries: [NewEntry], targets: [RecordTarget: Target]) throws -> [RegisterEntry] {
        do {
            return try register.append(entries, author: author) { reader throws(RegisterError) in
                var guardian = try EntryGuard(reader: reader, conventions: Set(entries.map(\.convention))) {
                    situation throws(RegisterError) in
                    guard let target = targets[situation.target] else {
                        throw .refused("\(situation.target.french) : cible inconnue")
                    }
                    return try ceiling(situation, for: target)
                }
                for entry in entries { try guardian.admit(entry) }
            }
        } catch {
            Console.err("erreur: \(error)")
            if case .unreadable = error { throw Console.unreadable }
            throw Console.failure
        }
    }

    /// `écriture n° 3 enregistrée : versement 48 000,00 € …` on standard output, for each entry.
    static func acknowledge(_ recorded: [RegisterEntry]) {
        for entry in recorded {
            Console.out("écriture n° \(entry.sequence) enregistrée : \(entry.entry.frenchSummary)\n")
        }
    }
}

extension NewEntry {
    /// `versement de 48 000,00 € (mandat 2025-0412) le 15/04/2025 — maine-et-loire-ccas-angers-2025 / premier-versement`.
    var frenchSummary: String {
        var text = kind.french
        if let event = payload.event { text += " « \(event) »" }
        if let amount { text += " de \(amount.french)" }
        if let number { text += kind == .payment ? " (mandat \(number))" : " (n° \(number))" }
        if let date { text += " le \(date.frenchShort)" }
        if let values = payload.values {
            text += " : " + values.keys.sorted().map { "\($0) = \(values[$0] ?? "")" }.joined(separator: ", ")
        }
        if let cancels = payload.cancels { text += " de l'écriture n° \(cancels)" }
        text += " — " + RecordTarget(self).french
        if let installment { text += " / \(installment)" }
        return text
    }
}
