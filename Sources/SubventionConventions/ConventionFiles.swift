import SubventionCore
import SubventionCSV
import Yams

/// Loads convention, programme and bilan files (`format: subvention/… 1`) into the engine's model.
///
/// Text-based functions need no disk, for tests; ``load(path:)`` reads files.
/// Every function collects all the diagnostics of a file: it throws ``LoadFailure`` when one is an error,
/// and returns the warnings otherwise.
///
/// ```swift
/// let (convention, warnings) = try ConventionFiles.convention(text: yaml, file: "convention.yaml")
/// ```
public enum ConventionFiles {
    /// The `format:` line of each kind of file.
    public static let conventionFormat = "subvention/convention 1"
    public static let programmeFormat = "subvention/programme 1"
    public static let bilanFormat = "subvention/bilan 1"

    /// Reads a convention file's text.
    public static func convention(text: String, file: String) throws(LoadFailure) -> (Convention, [Diagnostic]) {
        let reader = NodeReader(file: file)
        guard let root = reader.root(of: text) else { return try finish(Convention?.none, reader) }
        return try convention(root: root, reader: reader)
    }

    /// Reads a convention file already composed by `reader`.
    static func convention(root: Node, reader: NodeReader) throws(LoadFailure) -> (Convention, [Diagnostic]) {
        let convention = header(root: root, kind: "convention", format: conventionFormat, reader: reader).flatMap {
            ConventionReader(reader: reader).convention($0)
        }
        if let convention { validate(convention, reader: reader) }
        return try finish(convention, reader)
    }

    /// Reads a bilan file's text against the convention it is for.
    public static func bilan(text: String, file: String, for convention: Convention) throws(LoadFailure)
        -> (BilanFile, [Diagnostic])
    {
        let reader = NodeReader(file: file)
        let bilan = header(text, kind: "bilan", format: bilanFormat, reader: reader).flatMap {
            BilanReader(reader: reader, convention: convention).bilan($0)
        }
        do {
            return try finish(bilan, reader)
        } catch {
            throw LoadFailure(
                error.diagnostics,
                contradictsConvention: bilan != nil && reader.contradictions > 0 && reader.contradictions == reader.errorCount)
        }
    }

    /// The `format` of a file's text (`subvention/convention 1`…), when it has one.
    public static func format(of text: String) -> String? {
        // Optional lookup: a text that does not compose has no format; its loader reports the syntax error with its position.
        (try? Yams.compose(yaml: text, NodeReader.resolver)).flatMap(format(ofRoot:))
    }

    /// The `format` of a composed file.
    static func format(ofRoot root: Node) -> String? {
        root.mapping?.first { $0.key.scalar?.string == "format" }?.value.scalar?.string
    }

    /// Checks the top of a file: a mapping with `format:` and one section `kind:`.
    static func header(_ text: String, kind: String, format: String, reader: NodeReader) -> Node? {
        reader.root(of: text).flatMap { header(root: $0, kind: kind, format: format, reader: reader) }
    }

    /// Checks the top of an already composed file.
    static func header(root: Node, kind: String, format: String, reader: NodeReader) -> Node? {
        guard let map = reader.mapping(root, allowed: ["format", kind], what: "fichier") else { return nil }
        guard let formatNode = map.required("format"), let written = reader.text(formatNode, what: "format") else {
            return nil
        }
        guard written == format else {
            reader.error("format : « \(format) » est attendu, « \(written) » trouvé", at: formatNode)
            return nil
        }
        return map.required(kind)
    }

    static func finish<Value>(_ value: Value?, _ reader: NodeReader) throws(LoadFailure) -> (Value, [Diagnostic]) {
        guard let value, !reader.hasErrors else {
            var diagnostics = reader.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(severity: .error, file: reader.file, line: 0, column: 0,
                    message: "fichier illisible"))
            }
            throw LoadFailure(diagnostics)
        }
        return (value, reader.diagnostics)
    }

    /// Checks what spans several sections: parameters used by installments, and that the engine compiles it.
    static func validate(_ convention: Convention, reader: NodeReader) {
        for installment in convention.installments {
            if case .parameter(let key) = installment.amount, convention.parameters[key] == nil {
                reader.error(
                    "convention.echeancier : « \(installment.id) » utilise le paramètre « \(key) », non déclaré sous « parametres »",
                    at: nil)
            }
        }
        guard !reader.hasErrors else { return }
        // A co-financed convention is computed financeur by financeur.
        for share in convention.shares() {
            do {
                _ = try CompiledConvention(share)
            } catch {
                reader.error("convention\(share.cofinancer.map { " (part « \($0) »)" } ?? "") : \(error)", at: nil)
            }
        }
    }
}

extension ConventionFiles {
    /// Reads a programme file's text; `readTable` reads the table file it names and says from which path.
    public static func programme(
        text: String, file: String, readTable: @escaping (String) throws(CSVError) -> TableFile
    ) throws(LoadFailure) -> (LoadedProgramme, [Diagnostic]) {
        let reader = NodeReader(file: file)
        return try programme(
            header(text, kind: "programme", format: programmeFormat, reader: reader), reader: reader, readTable: readTable)
    }

    /// A programme from its YAML already composed (the fuzz target reads many tables against one programme).
    package static func programme(
        root: Node, file: String, readTable: @escaping (String) throws(CSVError) -> TableFile
    ) throws(LoadFailure) -> (LoadedProgramme, [Diagnostic]) {
        let reader = NodeReader(file: file)
        return try programme(
            header(root: root, kind: "programme", format: programmeFormat, reader: reader), reader: reader,
            readTable: readTable)
    }

    static func programme(
        _ node: Node?, reader: NodeReader, readTable: @escaping (String) throws(CSVError) -> TableFile
    ) throws(LoadFailure) -> (LoadedProgramme, [Diagnostic]) {
        let loaded = node.flatMap { ProgrammeReader(reader: reader, readTable: readTable).programme($0) }
        if let loaded, !reader.hasErrors {
            do {
                _ = try ProgrammeEvaluator(loaded.programme)
            } catch {
                reader.error("programme : \(error)", at: nil)
            }
        }
        return try finish(loaded, reader)
    }
}
