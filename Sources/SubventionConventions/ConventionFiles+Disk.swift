import Foundation
import SubventionCSV
import SubventionCore
import Yams

extension ConventionFiles {
    /// Reads a file as UTF-8 text; an unreadable file or invalid UTF-8 is a ``LoadFailure``.
    public static func readText(path: String) throws(LoadFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message = !exists ? "fichier introuvable" : (isDirectory.boolValue ? "c'est un dossier" : "fichier illisible")
            throw LoadFailure([Diagnostic(severity: .error, file: path, line: 0, column: 0, message: message)])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = invalidUTF8Line(in: bytes)
            throw LoadFailure([
                Diagnostic(severity: .error, file: path, line: line, column: 1,
                    message: "le fichier n'est pas en UTF-8 (enregistrez-le en UTF-8)")
            ])
        }
        return text
    }

    static func invalidUTF8Line(in bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    /// Loads a convention, programme or bilan file, by its `format:` line.
    ///
    /// A bilan is loaded against `convention`, which must then be given.
    /// The file is composed once (O(n) in its size), then read by the reader of its kind.
    public static func load(path: String) throws(LoadFailure) -> (LoadedFile, [Diagnostic]) {
        let text = try readText(path: path)
        let reader = NodeReader(file: path)
        guard let root = reader.root(of: text) else { return try finish(LoadedFile?.none, reader) }
        switch format(ofRoot: root) {
        case programmeFormat:
            let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
            let (programme, warnings) = try self.programme(
                header(root: root, kind: "programme", format: programmeFormat, reader: reader), reader: reader
            ) { (name) throws(CSVError) in
                let tablePath = name.hasPrefix("/") ? name : "\(directory)/\(name)"
                return TableFile(path: tablePath, bytes: try CSVFile.read(path: tablePath))
            }
            return (.programme(programme), warnings)
        case budgetFormat:
            throw LoadFailure([
                Diagnostic(severity: .error, file: path, line: 1, column: 1,
                    message: "c'est un budget : lisez-le avec « subvention budget » ou « subvention check »")
            ])
        case bilanFormat:
            throw LoadFailure([
                Diagnostic(severity: .error, file: path, line: 1, column: 1,
                    message: "c'est un bilan : donnez-le avec --bilan, après la convention")
            ])
        default:
            let (convention, warnings) = try self.convention(root: root, reader: reader)
            return (.convention(convention), warnings)
        }
    }

    /// Loads a bilan file for `convention`.
    public static func loadBilan(path: String, for convention: Convention) throws(LoadFailure) -> (BilanFile, [Diagnostic]) {
        try bilan(text: try readText(path: path), file: path, for: convention)
    }

    /// The convention and programme files under `path` (a file, or a directory searched recursively), sorted.
    ///
    /// Budget files found in a directory are left to ``budgetFiles(at:)``.
    public static func files(at path: String) throws(LoadFailure) -> [String] {
        var isDirectory: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        let found = try yamlFiles(at: path)
        return directory ? found.filter { !isBudget(path: $0) } : found
    }

    /// Every YAML file under `path` (a file, or a directory searched recursively), sorted.
    static func yamlFiles(at path: String) throws(LoadFailure) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadFailure([Diagnostic(severity: .error, file: path, line: 0, column: 0, message: "introuvable")])
        }
        guard isDirectory.boolValue else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            found.append("\(base)/\(relative)")
        }
        return found.sorted()
    }
}
