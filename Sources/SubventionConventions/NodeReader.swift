import SubventionCore
import Yams

/// Walks a YAML node tree, converting scalars with the project's strict parsers and collecting every
/// diagnostic (with its line and column) instead of stopping at the first.
final class NodeReader {
    let file: String
    /// At most this many diagnostics are kept per file; the others are counted (``omitted``) and summed up in
    /// one closing line, so that a file with an error on every line cannot flood the terminal.
    static let maximumDiagnostics = 100
    /// The diagnostics kept, in the order they were found.
    private(set) var recorded: [Diagnostic] = []
    /// How many diagnostics were found beyond ``maximumDiagnostics``.
    private(set) var omitted = 0
    private var hasOmittedError = false
    /// Units declared by the file (`unites:`), by singular and plural name.
    var units: [String: QuantityUnit] = [:]
    /// The document clauses cite when they do not name one.
    var defaultDocument: String?
    /// Inputs declared by the file (`entrees:`), checked where ceilings and bases refer to them.
    var declaredInputs: [String: InputDeclaration.Kind] = [:]
    /// The event names the file may use (``Convention/eventVocabulary``), once its `evenements:` are read;
    /// `nil` while unknown (event names are then not checked).
    var eventVocabulary: [String]?
    /// The financeurs of a co-financed convention (`cofinanceurs:`), once read; empty for one financeur.
    var cofinancers: [String] = []

    init(file: String) {
        self.file = file
    }

    private(set) var hasErrors = false
    /// How many errors were found, kept or omitted.
    private(set) var errorCount = 0
    /// How many of them say the file contradicts the convention it is read against (an event, an input, an
    /// installment it does not know), rather than that the file is unreadable.
    var contradictions = 0

    /// The diagnostics of the file, sorted by position, then (when some were omitted) one line that counts them.
    var diagnostics: [Diagnostic] {
        var sorted = recorded.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        if omitted > 0 {
            sorted.append(
                Diagnostic(
                    severity: hasOmittedError ? .error : .warning, file: file, line: 0, column: 0,
                    message: "\(omitted) autre(s) diagnostic(s) non affiché(s) (les \(Self.maximumDiagnostics) premiers le sont)"))
        }
        return sorted
    }

    /// Records a diagnostic at `node`; the message is only built when the diagnostic is kept.
    func report(_ severity: Severity, _ message: @autoclosure () -> String, at node: Node?) {
        guard recorded.count < Self.maximumDiagnostics else {
            omit(severity)
            return
        }
        let mark = node?.mark
        diagnostics(
            appending: Diagnostic(
                severity: severity, file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message()))
    }

    func error(_ message: @autoclosure () -> String, at node: Node?) { report(.error, message(), at: node) }

    /// An event name of the vocabulary; an unknown one is an error with a suggestion.
    /// A linked convention's event is named `convention/evenement` (``EventLink/qualifiedName``).
    func event(_ node: Node, what: String, vocabulary: [String]? = nil) -> String? {
        guard let text = text(node, what: what) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        else {
            error("\(what) : un événement (lettres, chiffres, tirets ; « convention/evenement » pour une convention liée) est attendu, « \(text) » trouvé", at: node)
            return nil
        }
        let name = text
        guard let known = vocabulary ?? eventVocabulary, !known.contains(name) else { return name }
        contradictions += 1
        error(Self.unknownEventMessage(name, known: known, what: what), at: node)
        return nil
    }

    static func unknownEventMessage(_ name: String, known: [String], what: String) -> String {
        var message = "\(what) : événement « \(name) » inconnu"
        if let suggestion = Suggestion.closest(to: name, among: known) {
            message += " (vouliez-vous dire « \(suggestion) » ?)"
        } else {
            message += " (événements : \(known.joined(separator: ", ")) ; déclarez un autre événement sous « evenements: »)"
        }
        return message
    }

    /// A financeur of a co-financed convention (`financeur:` of a component or an installment).
    func cofinancer(_ node: Node, what: String) -> String? {
        guard let name = identifier(node, what: what) else { return nil }
        guard !cofinancers.isEmpty else {
            error("\(what) : « financeur » ne sert que dans une convention cofinancée (déclarez « cofinanceurs: »)", at: node)
            return nil
        }
        guard cofinancers.contains(name) else {
            var message = "\(what) : financeur « \(name) » inconnu"
            if let suggestion = Suggestion.closest(to: name, among: cofinancers) {
                message += " (vouliez-vous dire « \(suggestion) » ?)"
            } else {
                message += " (cofinanceurs : \(cofinancers.joined(separator: ", ")))"
            }
            error(message, at: node)
            return nil
        }
        return name
    }

    /// Where `node` is written in this file, for findings that compare figures of the model.
    func position(of node: Node?) -> SourcePosition? {
        guard let mark = node?.mark else { return nil }
        return SourcePosition(file: file, line: mark.line, column: mark.column)
    }

    private func omit(_ severity: Severity) {
        omitted += 1
        if severity == .error {
            errorCount += 1
            hasErrors = true
            hasOmittedError = true
        }
    }

    /// Adds a diagnostic (possibly located in another file: a table); beyond ``maximumDiagnostics`` it is only counted.
    ///
    /// Complexity: O(1).
    func diagnostics(appending diagnostic: Diagnostic) {
        guard recorded.count < Self.maximumDiagnostics else {
            omit(diagnostic.severity)
            return
        }
        if diagnostic.severity == .error {
            hasErrors = true
            errorCount += 1
        }
        recorded.append(diagnostic)
    }

    /// Scalars are read as text by the project's own parsers (amounts, dates, booleans), never through YAML's
    /// implicit types: composing with Yams' basic resolver (every plain scalar is a string) skips the regular
    /// expressions of tag resolution, which Yams otherwise runs on every key when it checks for duplicates (200 000
    /// keys took 71 s).
    static let resolver = Resolver.basic

    /// The largest YAML file read: 1 MiB, sixty times the largest bundled file (17 kB). A larger file is refused
    /// before it is composed, in constant time: YAML composition (Yams' duplicate-key check above all) costs about
    /// 10 µs per key, so 200 000 keys would take seconds even though every step is linear.
    static let maximumBytes = 1 << 20

    /// Parses YAML text into its root node, reporting syntax errors with their position.
    ///
    /// Complexity: O(n) in the size of the text, n ≤ ``maximumBytes``.
    func root(of text: String) -> Node? {
        let size = text.utf8.count
        guard size <= Self.maximumBytes else {
            diagnostics(
                appending: Diagnostic(
                    severity: .error, file: file, line: 1, column: 1,
                    message: "fichier de \(size) octets : un fichier YAML de subvention en fait au plus "
                        + "\(Self.maximumBytes) (1 Mio) ; il n'est pas lu"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, Self.resolver) else {
                error("fichier vide : un document YAML est attendu", at: nil)
                return nil
            }
            return node
        } catch let yamlError as YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                diagnostics(
                    appending: Diagnostic(
                        severity: .error, file: file, line: mark.line, column: mark.column,
                        message: "YAML invalide : \(Self.frenchYAMLProblem(problem))"))
            case .reader(let problem, let offset, _, let yaml):
                let (line, column) = offset.map { Self.position(ofCharacter: $0, in: yaml) } ?? (0, 0)
                diagnostics(
                    appending: Diagnostic(
                        severity: .error, file: file, line: line, column: column,
                        message: "YAML illisible : \(Self.frenchReaderProblem(problem))"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams gives the position of the first occurrence of the first duplicated key.
                diagnostics(
                    appending: Diagnostic(
                        severity: .error, file: file, line: context.mark.line, column: context.mark.column,
                        message: "clé en double dans ce dictionnaire : "
                            + "\(duplicates.map { "« \($0) »" }.joined(separator: ", ")) (première occurrence ici)"))
            default:
                error("YAML invalide : syntaxe incorrecte", at: nil)
            }
            return nil
        } catch {
            self.error("YAML illisible : le fichier n'a pas pu être analysé", at: nil)
            return nil
        }
    }

    /// The 1-based line and column (in characters) of the character at `offset` in `text`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// libyaml's reader problems, in French.
    static func frenchReaderProblem(_ problem: String) -> String {
        switch problem {
        case "control characters are not allowed": return "caractère de contrôle interdit"
        case "invalid leading UTF-8 octet", "incomplete UTF-8 octet sequence", "invalid trailing UTF-8 octet":
            return "texte qui n'est pas en UTF-8"
        default: return "texte illisible à cette position"
        }
    }

    /// Reads a mapping whose keys must all be in `allowed`; unknown keys are errors with a suggestion.
    func mapping(_ node: Node, allowed: [String], what: String) -> Mapping? {
        guard let pairs = node.mapping else {
            error("\(what) : un dictionnaire (clé: valeur) est attendu", at: node)
            return nil
        }
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]
        for (keyNode, value) in pairs {
            guard let key = keyNode.scalar?.string else {
                error("\(what) : une clé simple est attendue", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                error(Self.unknownKeyMessage(key, allowed: allowed, what: what), at: keyNode)
                continue
            }
            if keys[key] != nil {
                error("\(what) : clé « \(key) » en double", at: keyNode)
                continue
            }
            keys[key] = keyNode
            values[key] = value
        }
        return Mapping(node: node, what: what, values: values, reader: self)
    }

    static func unknownKeyMessage(_ key: String, allowed: [String], what: String) -> String {
        var message = "\(what) : clé inconnue « \(key) »"
        if key.first?.isNumber == true {
            message += " : dans { … }, la virgule sépare les entrées ; écrivez un nombre à virgule entre "
                + "guillemets (« \"879 769,20 €\" »)"
        } else if let suggestion = Suggestion.closest(to: key, among: allowed) {
            message += " (vouliez-vous dire « \(suggestion) » ?)"
        } else {
            message += " (clés possibles : \(allowed.joined(separator: ", ")))"
        }
        return message
    }

    /// The items of a sequence (a single value counts as a one-item list only when `lenient`).
    func sequence(_ node: Node, what: String) -> [Node] {
        guard let items = node.sequence else {
            error("\(what) : une liste est attendue", at: node)
            return []
        }
        return Array(items)
    }
}

/// A YAML mapping whose keys were checked; values are read by key, missing required keys are reported.
struct Mapping {
    let node: Node
    let what: String
    let values: [String: Node]
    let reader: NodeReader

    subscript(key: String) -> Node? { values[key] }

    /// The value of a key the format requires; its absence is an error located at the mapping.
    func required(_ key: String) -> Node? {
        guard let value = values[key] else {
            reader.error("\(what) : clé « \(key) » manquante", at: node)
            return nil
        }
        return value
    }

    /// Reports an error unless exactly one of `keys` is present; returns the one present.
    func exactlyOne(of keys: [String]) -> String? {
        let present = keys.filter { values[$0] != nil }
        guard present.count == 1 else {
            let list = keys.map { "« \($0) »" }.joined(separator: ", ")
            reader.error(
                present.isEmpty
                    ? "\(what) : il faut une des clés \(list)"
                    : "\(what) : une seule des clés \(list) est permise, trouvé \(present.joined(separator: " et "))",
                at: node)
            return nil
        }
        return present[0]
    }
}
