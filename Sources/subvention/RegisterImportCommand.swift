import ArgumentParser
import Foundation
import SubventionCSV
import SubventionConventions
import SubventionCore
import SubventionRegister

/// `subvention registre importer`: bilan files (each fact an entry), and CSVs of mandats from an accounting system.
struct RegisterImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importer",
        abstract: "Importe des fichiers de bilan (ex. Examples/bilans) et un CSV de mandats (avec --correspondance).",
        discussion: """
            Chaque fait d'un bilan (événement, réalisations, versement, majoration, justificatif, paramètre) devient \
            une écriture, avec le fichier pour source. Le CSV de mandats est lu par libcsv ; le fichier de \
            correspondance (format: subvention/correspondance 1) dit quelle colonne donne la convention, l'échéance, \
            le montant, la date, le numéro de mandat, l'exercice et l'imputation. Tout est importé en une \
            transaction (tout ou rien), sauf avec --par-ligne. Les contrôles de « registre versement » s'appliquent.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de bilans.", valueName: "bilan"), completion: .file(extensions: ["yaml"]))
    var bilans: [String] = []

    @Option(name: .long, help: ArgumentHelp("CSV de mandats exporté par la comptabilité.", valueName: "fichier.csv"), completion: .file(extensions: ["csv"]))
    var mandats: String?

    @Option(name: .long, help: ArgumentHelp("Correspondance des colonnes du CSV de mandats.", valueName: "fichier.yaml"), completion: .file(extensions: ["yaml"]))
    var correspondance: String?

    @Flag(name: .customLong("par-ligne"), help: "Une transaction par écriture, chacune confirmée dès qu'elle est enregistrée (reprise possible).")
    var perLine = false

    @OptionGroup var recording: RecordingOptions

    func validate() throws {
        if bilans.isEmpty && mandats == nil {
            throw ValidationError("rien à importer : donnez des bilans ou --mandats")
        }
        if (mandats == nil) != (correspondance == nil) {
            throw ValidationError("--mandats et --correspondance vont ensemble")
        }
    }

    func run() throws {
        let workspace = try recording.workspace()
        var entries: [NewEntry] = []
        var targets: [RecordTarget: RegisterWorkspace.Target] = [:]
        for path in bilans {
            let files: [String]
            do {
                files = try ConventionFiles.files(at: path)
            } catch {
                Console.report(error.diagnostics)
                throw Console.unreadable
            }
            for file in files {
                entries += try bilanEntries(file, workspace: workspace, targets: &targets)
            }
        }
        if let mandats, let correspondance {
            entries += try mandateEntries(mandats, mapping: correspondance, workspace: workspace, targets: &targets)
        }
        if perLine {
            for entry in entries {
                RegisterWorkspace.acknowledge(try workspace.record([entry], targets: targets))
            }
        } else {
            let recorded = try workspace.record(entries, targets: targets)
            let first = recorded.first.map { " (n° \($0.sequence) à \(recorded.last?.sequence ?? $0.sequence))" } ?? ""
            Console.out("\(recorded.count) écriture\(recorded.count > 1 ? "s" : "") importée\(recorded.count > 1 ? "s" : "")\(first) dans \(workspace.register.path)\n")
        }
    }

    /// The entries of one bilan file, read against its convention like `report --bilans` reads it.
    func bilanEntries(
        _ file: String, workspace: RegisterWorkspace, targets: inout [RecordTarget: RegisterWorkspace.Target]
    ) throws -> [NewEntry] {
        let bilan: BilanFile
        let target: RegisterWorkspace.Target
        do {
            let text = try ConventionFiles.readText(path: file)
            let header = try ConventionFiles.bilanHeader(text: text, file: file)
            target = try workspace.target(
                convention: header.conventionID, structure: header.structure, operation: header.operation)
            let (read, warnings) = try ConventionFiles.bilan(text: text, file: file, for: target.terms)
            Console.report(warnings)
            bilan = read
        } catch let failure as LoadFailure {
            Console.report(failure.diagnostics)
            throw Console.unreadable
        }
        targets[target.key] = target
        let key = target.key
        func entry(_ kind: EntryKind, date: CalendarDate? = nil, amount: Money? = nil, installment: String? = nil,
                   payload: EntryPayload = EntryPayload()) -> NewEntry {
            var payload = payload
            payload.source = file
            return NewEntry(
                kind: kind, convention: key.convention, installment: installment, structure: key.structure,
                operation: key.operation, amount: amount, date: date, fiscalYear: date?.year, payload: payload)
        }
        var entries: [NewEntry] = []
        let events = bilan.bilan.events.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        for (name, date) in events { entries.append(entry(.event, date: date, payload: EntryPayload(event: name))) }
        if !bilan.bilan.values.isEmpty {
            entries.append(entry(.results, payload: EntryPayload(values: bilan.bilan.values.mapValues(\.description))))
        }
        for payment in bilan.bilan.payments {
            entries.append(entry(.payment, date: payment.date, amount: payment.amount, installment: payment.installment))
        }
        if let majoration = bilan.bilan.majoration { entries.append(entry(.majoration, amount: majoration)) }
        for justification in bilan.bilan.justifications {
            entries.append(
                entry(
                    .justification, date: justification.date, amount: justification.amount,
                    payload: EntryPayload(component: justification.component, label: justification.label)))
        }
        for (key, amount) in bilan.bilan.parameters.sorted(by: { $0.key < $1.key }) {
            entries.append(entry(.parameter, amount: amount, payload: EntryPayload(parameter: key)))
        }
        return entries
    }

    /// The versements of a CSV of mandats, column by column as the mapping says.
    func mandateEntries(
        _ file: String, mapping mappingFile: String, workspace: RegisterWorkspace,
        targets: inout [RecordTarget: RegisterWorkspace.Target]
    ) throws -> [NewEntry] {
        let mapping: MandateMapping
        do {
            let (read, warnings) = try ConventionFiles.mandateMapping(
                text: try ConventionFiles.readText(path: mappingFile), file: mappingFile)
            Console.report(warnings)
            mapping = read
        } catch {
            Console.report(error.diagnostics)
            throw Console.unreadable
        }
        let dialect: CSVDialect = mapping.dialect == "excel-fr" ? .excelFrench : .rfc4180
        var header: [String] = []
        var records: [(line: Int, fields: [String])] = []
        do {
            try CSVReader.forEachRecord(path: file, delimiter: dialect.delimiter) { line, fields throws(CSVError) in
                let values = fields.map { String(decoding: $0, as: UTF8.self) }
                if header.isEmpty { header = values } else { records.append((line, values)) }
            }
        } catch {
            Console.err(error.description)
            throw Console.unreadable
        }
        var index: [String: Int] = [:]
        for (field, column) in mapping.columns {
            guard let position = header.firstIndex(of: column) else {
                let suggestion = Suggestion.closest(to: column, among: header).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                Console.err("\(file):1:1: erreur: colonne « \(column) » (\(field), \(mappingFile)) absente de l'en-tête\(suggestion)")
                throw Console.unreadable
            }
            index[field] = position
        }
        var entries: [NewEntry] = []
        for record in records {
            func value(_ field: String) -> String? {
                guard let position = index[field], position < record.fields.count else { return nil }
                let text = record.fields[position].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            func fail(_ field: String, _ message: String) -> Error {
                Console.err("\(file):\(record.line):\((index[field] ?? 0) + 1): erreur: \(field) : \(message)")
                return Console.unreadable
            }
            func required(_ field: String) throws -> String {
                guard let text = value(field) else { throw fail(field, "valeur manquante") }
                return text
            }
            let amount: Money
            do { amount = try Money(parsing: try required("montant")) } catch let error as NumberSyntaxError {
                throw fail("montant", "\(error)")
            }
            let date: CalendarDate
            do { date = try CalendarDate(parsing: try required("date")) } catch let error as DateSyntaxError {
                throw fail("date", "\(error)")
            }
            var year: Int?
            if let text = value("exercice") {
                guard let parsed = Int(text) else { throw fail("exercice", "« \(text) » n'est pas une année") }
                year = parsed
            }
            let target = try workspace.target(
                convention: try required("convention"), structure: value("structure"), operation: value("operation"))
            let installment = value("echeance")
            if let installment { try workspace.checkInstallment(installment, of: target) }
            targets[target.key] = target
            entries.append(
                NewEntry(
                    kind: .payment, convention: target.key.convention, installment: installment,
                    structure: target.key.structure, operation: target.key.operation, amount: amount, date: date,
                    number: try required("mandat"), fiscalYear: year ?? date.year, imputation: value("imputation"),
                    payload: EntryPayload(source: "\(file):\(record.line)")))
        }
        return entries
    }
}
