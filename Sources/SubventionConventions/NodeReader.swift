import SubventionCore
import Yams

/// Walks a YAML node tree, converting scalars with the project's strict parsers and collecting every
/// diagnostic (with its line and column) instead of stopping at the first.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Units declared by the file (`unites:`), by singular and plural name.
    var units: [String: QuantityUnit] = [:]
    /// The document clauses cite when they do not name one.
    var defaultDocument: String?
    /// Inputs declared by the file (`entrees:`), checked where ceilings and bases refer to them.
    var declaredInputs: [String: InputDeclaration.Kind] = [:]

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ severity: Severity, _ message: String, at node: Node?) {
        let mark = node?.mark
        diagnostics.append(
            Diagnostic(severity: severity, file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                message: message))
    }

    func error(_ message: String, at node: Node?) { report(.error, message, at: node) }

    /// Adds a diagnostic located elsewhere (in a table file).
    func diagnostics(appending diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Parses YAML text into its root node, reporting syntax errors with their position.
    func root(of text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                error("fichier vide : un document YAML est attendu", at: nil)
                return nil
            }
            return node
        } catch let yamlError as YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                diagnostics.append(
                    Diagnostic(severity: .error, file: file, line: mark.line, column: mark.column,
                        message: "YAML invalide : \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, _):
                error("clé en double : \(duplicates.map { "« \($0) »" }.joined(separator: ", "))", at: nil)
            default:
                error("YAML invalide : \(yamlError)", at: nil)
            }
            return nil
        } catch {
            self.error("YAML illisible : \(error)", at: nil)
            return nil
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
                var message = "\(what) : clé inconnue « \(key) »"
                if key.first?.isNumber == true {
                    message += " : dans { … }, la virgule sépare les entrées ; écrivez un nombre à virgule entre "
                        + "guillemets (« \"879 769,20 €\" »)"
                } else if let suggestion = Suggestion.closest(to: key, among: allowed) {
                    message += " (vouliez-vous dire « \(suggestion) » ?)"
                } else {
                    message += " (clés possibles : \(allowed.joined(separator: ", ")))"
                }
                error(message, at: keyNode)
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
