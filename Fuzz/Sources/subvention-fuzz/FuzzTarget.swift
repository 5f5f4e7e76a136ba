import Foundation
import SubventionConventions
import SubventionCore
import Yams

/// libFuzzer entry point: one input, read by the reader chosen with `SUBVENTION_FUZZ_READER` (convention, bilan,
/// scenario or table), then computed. A crash, a hang or a broken invariant (`fatalError`) is a finding.
///
/// The invariants are the issue's « no input changes a money figure without an error »: whatever loads without an
/// error and computes gives amounts ≥ 0, a schedule within the total when `check` finds no error, and
/// `balance == due − paid`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzContext.shared.reader {
    case .convention: FuzzContext.shared.convention(bytes)
    case .bilan: FuzzContext.shared.bilan(bytes)
    case .scenario: FuzzContext.shared.scenario(bytes)
    case .table: FuzzContext.shared.table(bytes)
    }
    return 0
}

/// What every input is read against: the bundled conventions and the Pas-de-Calais programme, loaded once.
final class FuzzContext: @unchecked Sendable {
    enum Reader: String, Sendable { case convention, bilan, scenario, table }

    nonisolated(unsafe) static let shared = FuzzContext()

    let reader: Reader
    /// Bundled conventions by id and by file name.
    let conventionsByID: [String: Convention]
    let conventionsByFile: [String: Convention]
    let fallback: Convention
    let programmeText: String
    /// The programme composed once: the table reader is fuzzed without re-reading its YAML each time.
    let programmeRoot: Node
    let programmeTable: [UInt8]

    init() {
        let environment = ProcessInfo.processInfo.environment
        guard let name = environment["SUBVENTION_FUZZ_READER"], let reader = Reader(rawValue: name) else {
            fatalError("SUBVENTION_FUZZ_READER doit valoir convention, bilan, scenario ou table")
        }
        self.reader = reader
        let root = environment["SUBVENTION_ROOT"] ?? FileManager.default.currentDirectoryPath
        var byID: [String: Convention] = [:]
        var byFile: [String: Convention] = [:]
        for path in (try? ConventionFiles.files(at: root + "/Conventions")) ?? [] {
            guard case (.convention(let convention), _)? = try? ConventionFiles.load(path: path) else { continue }
            byID[convention.id] = convention
            byFile[String(path.split(separator: "/").last ?? "")] = convention
        }
        guard let angers = byID["maine-et-loire-ccas-angers-2025"] else {
            fatalError("conventions introuvables sous \(root)/Conventions (lancez depuis la racine du dépôt)")
        }
        conventionsByID = byID
        conventionsByFile = byFile
        fallback = angers
        guard let text = try? ConventionFiles.readText(path: root + "/Conventions/pas-de-calais/inclusion-durable-2023.yaml"),
            let table = try? CSVFileBytes.read(root + "/Examples/pas-de-calais-2023/bilan-2023-arrageois-artois.csv")
        else { fatalError("programme du Pas-de-Calais introuvable sous \(root)") }
        programmeText = text
        guard let root = try? Yams.compose(yaml: text) else { fatalError("programme illisible") }
        programmeRoot = root
        programmeTable = table
    }

    /// A convention or programme file.
    func convention(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        if ConventionFiles.format(of: text) == ConventionFiles.programmeFormat {
            let table = programmeTable
            guard let (loaded, _) = try? ConventionFiles.programme(text: text, file: "fuzz.yaml", readTable: { name in
                TableFile(path: name, bytes: table)
            }) else { return }
            evaluate(loaded)
            return
        }
        guard let (convention, _) = try? ConventionFiles.convention(text: text, file: "fuzz.yaml"),
            let compiled = try? CompiledConvention(convention)
        else { return }
        let findings = ConventionChecker(compiled).findings()
        let clean = !findings.contains { $0.severity == .error }
        let hasParameters = convention.installments.contains {
            if case .parameter = $0.amount { return true }
            return false
        }
        if clean, !hasParameters, let schedule = try? compiled.schedule() {
            var sum = Money.zero
            for item in schedule.installments {
                require(item.amount >= .zero && item.amount <= compiled.total, "échéance hors du total sans erreur de check")
                guard let next = try? sum + item.amount else { fatalError("somme des échéances en dépassement sans erreur") }
                sum = next
            }
            require(sum <= compiled.total, "échéancier au-delà du total sans erreur de check")
        }
        if let settlement = try? compiled.settle(Bilan()) { check(settlement) }
    }

    /// A bilan, read against the bundled convention it names (Angers otherwise).
    func bilan(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let convention = named(in: text)
        guard let (file, _) = try? ConventionFiles.bilan(text: text, file: "fuzz.yaml", for: convention),
            let compiled = try? CompiledConvention(convention)
        else { return }
        checkInputs(file.bilan)
        if let settlement = try? compiled.settle(file.bilan, asOf: CalendarDate(year: 2026, month: 6, day: 30)) {
            check(settlement)
        }
    }

    /// A scenario; the convention it names is looked up among the bundled ones by file name.
    func scenario(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let byFile = conventionsByFile
        guard
            let scenario = try? ConventionFiles.scenario(text: text, file: "Examples/scenarios/x/fuzz.yaml", terms: {
                (path, _, _) throws(LoadFailure) in
                guard let convention = byFile[String(path.split(separator: "/").last ?? "")] else {
                    throw LoadFailure([Diagnostic(severity: .error, file: path, line: 0, column: 0, message: "inconnue")])
                }
                return convention
            })
        else { return }
        checkInputs(scenario.bilan)
        guard let convention = byFile[String(scenario.conventionPath.split(separator: "/").last ?? "")],
            let compiled = try? CompiledConvention(convention, at: scenario.asOf)
        else { return }
        if let settlement = try? compiled.settle(scenario.bilan, asOf: scenario.asOf) { check(settlement) }
    }

    /// A structures table of the Pas-de-Calais programme.
    func table(_ bytes: [UInt8]) {
        guard let (loaded, _) = try? ConventionFiles.programme(root: programmeRoot, file: "programme.yaml", readTable: { _ in
            TableFile(path: "fuzz.csv", bytes: bytes)
        }) else { return }
        evaluate(loaded)
    }

    func evaluate(_ loaded: LoadedProgramme) {
        guard let evaluator = try? ProgrammeEvaluator(loaded.programme) else { return }
        for row in loaded.rows.prefix(20) {
            require(row.declaredAmount >= .zero, "montant imprimé négatif accepté")
            for value in row.parameters.values { require(value >= .zero, "paramètre négatif accepté") }
            guard let evaluation = try? evaluator.evaluate(row, asOf: CalendarDate(year: 2024, month: 7, day: 15)) else {
                continue
            }
            require(evaluation.computedAmount >= .zero, "montant calculé négatif")
            if let settlement = evaluation.settlement { check(settlement) }
        }
    }

    func named(in text: String) -> Convention {
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("convention:") {
                let id = trimmed.dropFirst("convention:".count).trimmingCharacters(in: .whitespaces)
                if let convention = conventionsByID[id] { return convention }
            }
        }
        return fallback
    }

    func checkInputs(_ bilan: Bilan) {
        for payment in bilan.payments { require(payment.amount >= .zero, "versement négatif accepté") }
        for justification in bilan.justifications { require(justification.amount >= .zero, "justificatif négatif accepté") }
        for amount in bilan.parameters.values { require(amount >= .zero, "paramètre négatif accepté") }
        if let majoration = bilan.majoration { require(majoration >= .zero, "majoration négative acceptée") }
        for value in bilan.values.values {
            switch value {
            case .money(let amount): require(amount >= .zero, "montant réalisé négatif accepté")
            case .quantity(let quantity): require(quantity.value >= .zero, "quantité négative acceptée")
            }
        }
    }

    func check(_ settlement: Settlement) {
        require(settlement.paid >= .zero, "versé négatif")
        require(settlement.due >= .zero, "dû négatif")
        require((try? settlement.due - settlement.paid) == settlement.balance, "écart ≠ dû − versé")
    }

    func require(_ condition: Bool, _ message: String) {
        if !condition { fatalError("invariant rompu : \(message)") }
    }
}

/// Reads a file's bytes (the table the programme is computed with).
enum CSVFileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return [UInt8](data)
    }
}
