import ArgumentParser
import Foundation
import SubventionCSV
import SubventionReports

extension ReportFormat: ExpressibleByArgument {}

/// The CSV dialects on the command line.
enum CSVDialectName: String, ExpressibleByArgument, CaseIterable {
    case rfc4180
    case excelFr = "excel-fr"

    var dialect: CSVDialect { self == .rfc4180 ? .rfc4180 : .excelFrench }
}

/// Options of every report: format, CSV dialect and table, output file.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Format du rapport : texte pour les personnes ; json, csv, jsonl (un objet JSON par ligne de tableau) pour les programmes et tableurs, quelle que soit la convention ; markdown, html pour publier ; xlsx, un classeur (avec --output).", valueName: "format"))
    var format: ReportFormat = .text

    @Option(name: .customLong("csv-dialect"), help: ArgumentHelp("Pour --format csv : rfc4180 (« , » et point décimal) ou excel-fr (« ; », virgule décimale, BOM).", valueName: "dialecte"))
    var csvDialect: CSVDialectName = .rfc4180

    @Option(name: .long, help: ArgumentHelp("Pour --format csv ou jsonl : la section à écrire (id de section ; la première table par défaut).", valueName: "section"), completion: Completions.section)
    var section: String?

    @Option(name: .long, help: ArgumentHelp("Écrit le rapport dans ce fichier, en entier ou pas du tout (sinon sur la sortie standard).", valueName: "fichier"), completion: .file())
    var output: String?

    @Flag(name: .long, help: "Texte : toutes les colonnes, sans replier ni masquer (sinon le texte tient dans la largeur du terminal, COLUMNS, ou 100 caractères hors terminal).")
    var large = false

    /// Renders and writes `report`; an output that cannot be written exits with code 2, leaving nothing behind.
    func write(_ report: Report) throws {
        if format == .xlsx, output == nil, isatty(FileHandle.standardOutput.fileDescriptor) == 1 {
            Console.err("erreur: --format xlsx écrit un classeur binaire : donner --output FICHIER.xlsx")
            throw Console.unreadable
        }
        let bytes: [UInt8]
        do {
            bytes = try renderer.bytes(report)
        } catch {
            Console.err("erreur: \(error)")
            throw Console.unreadable
        }
        try Self.write(bytes: bytes, to: output)
    }

    /// Writes `bytes` to `output` whole or not at all (standard output when nil); a failure exits with code 2.
    static func write(bytes: [UInt8], to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try OutputFile.write(bytes, to: output)
        } catch {
            Console.err(error.description)
            throw Console.unreadable
        }
    }

    /// The renderer of `format`; text is coloured only when written to a colour terminal.
    var renderer: any ReportRenderer {
        switch format {
        case .text:
            return TextRenderer(
                colour: output == nil && Console.standardOutputIsColourTerminal,
                width: large ? nil : TerminalWidth.current(terminal: output == nil))
        case .json: return JSONRenderer()
        case .markdown: return MarkdownRenderer()
        case .html: return HTMLRenderer()
        case .csv: return CSVRenderer(dialect: csvDialect.dialect, section: section)
        case .jsonl: return JSONLinesRenderer(section: section)
        case .xlsx: return XLSXRenderer()
        }
    }
}
