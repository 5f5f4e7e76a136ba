import Foundation
import SubventionConventions
import SubventionCore
import SubventionRegister
import SubventionReports

/// Loads the conventions, programmes and bilans of a portfolio, printing diagnostics as it goes.
///
/// Nothing is skipped in silence: a file given, or found in a folder the command was told to read, is either used or
/// reported with its error, and `unreadable` (exit code 2) is set.
struct PortfolioLoader {
    var conventions: [PortfolioEntry] = []
    var programmes: [ProgrammeEntry] = []
    var unreadable = false
    /// Conventions and programmes by id: (isProgramme, index).
    var byID: [String: (isProgramme: Bool, index: Int)] = [:]
    /// Co-financed conventions by id: the whole convention (bilans are read against it) and the indexes of its
    /// financeurs' shares in `conventions`.
    var cofinanced: [String: (convention: Convention, shares: [Int])] = [:]
    /// The date the conventions are compiled at (avenants in force).
    let asOf: CalendarDate?
    /// The bilan attached to each convention id (or `id#row`), to refuse a second one.
    private var attached: [String: String] = [:]

    init(paths: [String], bilans: String?, asOf: CalendarDate?, register: (ledger: RegisterLedger, path: String)? = nil) {
        self.asOf = asOf
        for path in paths {
            let files: [String]
            do {
                files = try ConventionFiles.files(at: path)
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
                continue
            }
            for file in files { load(file, asOf: asOf) }
        }
        if let bilans { attachBilans(bilans) }
        if let register { attachRegister(register.ledger, path: register.path) }
        linkConventions()
    }

    mutating func load(_ file: String, asOf: CalendarDate?) {
        do {
            let (loaded, warnings) = try ConventionFiles.load(path: file)
            Console.report(warnings)
            switch loaded {
            case .convention(let convention) where convention.isCofinanced:
                // Each financeur's share is a line of its own: the totals per financeur include every share.
                let findings = ConventionChecker(try CompiledConvention(convention)).findings()
                guard register(convention.id, file: file, isProgramme: false, index: conventions.count) else { return }
                var indexes: [Int] = []
                for (index, share) in convention.shares().enumerated() {
                    indexes.append(conventions.count)
                    conventions.append(
                        PortfolioEntry(
                            file: file, convention: try CompiledConvention(share, at: asOf),
                            findings: index == 0 ? findings : []))
                }
                cofinanced[convention.id] = (convention, indexes)
            case .convention(let convention):
                let compiled = try CompiledConvention(convention, at: asOf)
                let findings = ConventionChecker(try CompiledConvention(convention)).findings()
                guard register(convention.id, file: file, isProgramme: false, index: conventions.count) else { return }
                conventions.append(PortfolioEntry(file: file, convention: compiled, findings: findings))
            case .programme(let programme):
                let checker = try ProgrammeChecker(programme.programme, rows: programme.rows)
                let entry = ProgrammeEntry(
                    file: file, evaluator: checker.evaluator, rows: programme.rows, findings: try checker.findings())
                guard register(programme.programme.id, file: file, isProgramme: true, index: programmes.count) else { return }
                programmes.append(entry)
            case .bilan:
                Console.err("\(file): erreur: c'est un bilan : donnez son dossier avec --bilans")
                unreadable = true
            }
        } catch let failure as LoadFailure {
            Console.report(failure.diagnostics)
            unreadable = true
        } catch {
            Console.err("\(file): erreur: \(error)")
            unreadable = true
        }
    }

    /// Records an id; two files with the same id are an error (the second is not used).
    private mutating func register(_ id: String, file: String, isProgramme: Bool, index: Int) -> Bool {
        if let existing = byID[id] {
            let other = existing.isProgramme ? programmes[existing.index].file : conventions[existing.index].file
            Console.err("\(file): erreur: identifiant « \(id) » déjà utilisé par \(other)")
            unreadable = true
            return false
        }
        byID[id] = (isProgramme, index)
        return true
    }

    /// Reads every bilan under `directory` and attaches it to its convention, or to its row of a programme (one
    /// bilan each). A bilan that cannot be read, or whose convention or structure is not in the portfolio, is an error.
    mutating func attachBilans(_ directory: String) {
        let files: [String]
        do {
            files = try ConventionFiles.files(at: directory)
        } catch {
            Console.report(error.diagnostics)
            unreadable = true
            return
        }
        for file in files {
            do {
                attachBilan(text: try ConventionFiles.readText(path: file), file: file)
            } catch {
                Console.report(error.diagnostics)
                unreadable = true
            }
        }
    }

    /// Attaches every situation of the register as the bilan of its convention or programme row, read by the same
    /// bilan reader as the files (its diagnostics name `PATH#convention`).
    /// Conventions of the register absent from the files read (a portfolio of some conventions only) are named in a
    /// warning, not used.
    mutating func attachRegister(_ ledger: RegisterLedger, path: String) {
        let absent = Set(ledger.targets.map(\.convention).filter { byID[$0] == nil }).sorted()
        if !absent.isEmpty {
            Console.err(
                "\(path): avertissement: écritures de conventions absentes des fichiers lus, non utilisées : "
                    + absent.joined(separator: ", "))
        }
        for target in ledger.targets where byID[target.convention] != nil {
            guard let situation = ledger.situations[target] else { continue }
            attachBilan(
                text: situation.bilanDocument(includingPayments: false), file: "\(path)#\(target.french)",
                recorded: situation)
        }
    }

    /// Attaches one bilan (a file's text, or a register's situation) to its convention or programme row.
    /// `recorded`: the register's situation whose versements complete the bilan read from `text`.
    mutating func attachBilan(text: String, file: String, recorded: RecordedSituation? = nil) {
        do {
            let header = try ConventionFiles.bilanHeader(text: text, file: file)
            guard let target = byID[header.conventionID] else {
                let known = byID.keys.sorted()
                let suggestion = Suggestion.closest(to: header.conventionID, among: known)
                    .map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                Console.err(
                    "\(file): erreur: bilan de « \(header.conventionID) », absente des conventions et programmes lus\(suggestion)")
                unreadable = true
                return
            }
            if target.isProgramme {
                var attached = self.attached
                defer { self.attached = attached }
                try attachRowBilan(
                    text: text, file: file, header: header, programme: target.index, attached: &attached,
                    recorded: recorded)
                return
            }
            if let previous = attached[header.conventionID] {
                Console.err("\(file): erreur: deuxième bilan pour « \(header.conventionID) » (déjà lu : \(previous))")
                unreadable = true
                return
            }
            if let whole = cofinanced[header.conventionID] {
                var (bilan, warnings) = try ConventionFiles.bilan(text: text, file: file, for: whole.convention)
                Console.report(warnings)
                if let recorded { bilan.bilan.payments = try Self.payments(recorded, for: whole.convention, file: file) }
                for index in whole.shares {
                    conventions[index].bilan = bilan.bilan.share(for: conventions[index].convention.convention)
                    conventions[index].bilanFile = file
                }
                attached[header.conventionID] = file
                return
            }
            let terms = conventions[target.index].convention.convention
            var (bilan, warnings) = try ConventionFiles.bilan(text: text, file: file, for: terms)
            Console.report(warnings)
            if let recorded { bilan.bilan.payments = try Self.payments(recorded, for: terms, file: file) }
            conventions[target.index].bilan = bilan.bilan
            conventions[target.index].bilanFile = file
            attached[header.conventionID] = file
        } catch {
            Console.report(error.diagnostics)
            unreadable = true
        }
    }

    /// Attaches a structure's bilan to its row of the programme.
    private mutating func attachRowBilan(
        text: String, file: String, header: BilanHeader, programme index: Int, attached: inout [String: String],
        recorded: RecordedSituation? = nil
    ) throws(LoadFailure) {
        let entry = programmes[index]
        func fail(_ message: String) throws(LoadFailure) {
            throw LoadFailure([Diagnostic(severity: .error, file: file, line: 0, column: 0, message: message)])
        }
        guard let structure = header.structure else {
            return try fail("bilan.structure : « \(header.conventionID) » est un programme, la structure est obligatoire")
        }
        let programme = entry.evaluator.programme
        let indices = entry.rows.indices.filter { position in
            let row = entry.rows[position]
            guard row.structure == structure else { return false }
            guard let operation = header.operation else { return true }
            return row.operation == operation || programme.operation(forTableLabel: row.operation)?.id == operation
        }
        guard indices.count == 1, let rowIndex = indices.first else {
            if indices.isEmpty {
                let suggestion = Suggestion.closest(to: structure, among: Array(Set(entry.rows.map(\.structure))))
                    .map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                return try fail("bilan.structure : « \(structure) » absente du tableau de \(entry.file)\(suggestion)")
            }
            return try fail(
                "bilan.structure : « \(structure) » a \(indices.count) lignes : précisez l'opération (bilan.operation)")
        }
        let key = "\(header.conventionID)#\(rowIndex)"
        if let previous = attached[key] {
            return try fail("deuxième bilan pour « \(structure) » (déjà lu : \(previous))")
        }
        let terms: Convention
        do {
            terms = try entry.evaluator.terms(for: entry.rows[rowIndex])
        } catch {
            return try fail("\(error)")
        }
        var (bilan, warnings) = try ConventionFiles.bilan(text: text, file: file, for: terms)
        Console.report(warnings)
        if let recorded { bilan.bilan.payments = try Self.payments(recorded, for: terms, file: file) }
        programmes[index].bilans[rowIndex] = bilan.bilan
        programmes[index].bilanFiles[rowIndex] = file
        attached[key] = file
    }

    /// The register's versements of a situation, as a load failure naming the register when one is corrupt.
    static func payments(_ recorded: RecordedSituation, for terms: Convention, file: String) throws(LoadFailure) -> [Payment] {
        do {
            return try recorded.paymentModels(for: terms)
        } catch {
            throw LoadFailure([Diagnostic(severity: .error, file: file, line: 0, column: 0, message: "\(error)")])
        }
    }
}
