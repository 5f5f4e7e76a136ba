import Foundation
import SubventionCore
import Testing
import Yams

@testable import SubventionConventions

/// Issue 12: the published JSON Schemas (docs/schema/) for the convention, bilan and scenario formats.
///
/// A small validator of the subset the schemas use (`type`, `properties`, `additionalProperties`, `required`,
/// `items`, `oneOf`, `enum`, `const`, `$ref`) walks each file's YAML nodes; then every mapping the schema closes is
/// probed on the loader with an unknown key, whose error lists the keys the loader accepts there: both sets must be
/// equal.
@Suite("Schémas JSON des fichiers YAML (issue 12)")
struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let probe = "zzqqxxkk"

    static func schema(_ kind: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/docs/schema/\(kind).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every YAML file of the repository in one of the three formats, by kind.
    static func bundled() throws -> [(kind: String, path: String)] {
        var found: [(String, String)] = []
        for folder in ["Conventions", "Examples"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let name = enumerator?.nextObject() as? String {
                guard name.hasSuffix(".yaml") else { continue }
                let path = folder + "/" + name
                let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
                switch ConventionFiles.format(of: text) {
                case "subvention/convention 1": found.append(("convention", path))
                case "subvention/bilan 1": found.append(("bilan", path))
                case "subvention/scenario 1": found.append(("scenario", path))
                default: continue
                }
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// A mapping the schema closes (`additionalProperties: false`), where a file writes it.
    struct ClosedMapping {
        var schemaPath: String
        var keys: Set<String>
        var node: Node
    }

    static func resolve(_ schema: [String: Any], root: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, let definitions = root["$defs"] as? [String: Any],
            let target = definitions[String(reference.dropFirst("#/$defs/".count))] as? [String: Any]
        else { return schema }
        return target
    }

    /// Validates `node` against `schema`; returns the errors and collects the closed mappings met.
    static func validate(
        _ node: Node, _ schema: [String: Any], root: [String: Any], path: String, closed: inout [ClosedMapping]
    ) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let definitions = root["$defs"] as? [String: Any], let target = definitions[name] as? [String: Any]
            else { return ["\(path) : référence inconnue \(reference)"] }
            return validate(node, target, root: root, path: "#\(name)", closed: &closed)
        }
        if let branches = schema["oneOf"] as? [[String: Any]] {
            // Branches differ by kind of node: a scalar, or a mapping.
            let branch = branches.first { branch in
                let type = resolve(branch, root: root)["type"] as? String
                return node.mapping != nil ? type == "object" : type != "object"
            }
            guard let branch else { return ["\(path) : aucune forme ne convient"] }
            return validate(node, branch, root: root, path: path, closed: &closed)
        }
        if let constant = schema["const"] as? String, node.scalar?.string != constant {
            return ["\(path) : « \(constant) » attendu"]
        }
        if let values = schema["enum"] as? [String] {
            return values.contains(node.scalar?.string ?? "") ? [] : ["\(path) : une valeur parmi \(values) attendue"]
        }
        let type = schema["type"]
        if type as? String == "object" {
            guard let mapping = node.mapping else { return ["\(path) : un dictionnaire est attendu"] }
            var errors: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let keys = mapping.keys.compactMap(\.string)
            for required in schema["required"] as? [String] ?? [] where !keys.contains(required) {
                errors.append("\(path) : clé « \(required) » manquante")
            }
            if schema["additionalProperties"] as? Bool == false {
                closed.append(ClosedMapping(schemaPath: path, keys: Set(properties.keys), node: node))
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                if let property = properties[key] as? [String: Any] {
                    errors += validate(value, property, root: root, path: "\(path).\(key)", closed: &closed)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(value, additional, root: root, path: "\(path).*", closed: &closed)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path) : clé inconnue « \(key) »")
                }
            }
            return errors
        }
        if type as? String == "array" {
            guard let items = node.sequence else { return ["\(path) : une liste est attendue"] }
            guard let item = schema["items"] as? [String: Any] else { return [] }
            return items.flatMap { validate($0, item, root: root, path: "\(path)[]", closed: &closed) }
        }
        if type is [String] {
            return node.scalar == nil ? ["\(path) : une valeur simple est attendue"] : []
        }
        return []
    }

    static func check(_ kind: String, path: String) throws -> (errors: [String], closed: [ClosedMapping]) {
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        let node = try #require(try Yams.compose(yaml: text))
        let schema = try Self.schema(kind)
        var closed: [ClosedMapping] = []
        let errors = validate(node, schema, root: schema, path: "#", closed: &closed)
        return (errors, closed)
    }

    @Test("Chaque fichier livré (convention, bilan, scénario) est valide pour son schéma publié")
    func bundledFilesValidate() throws {
        let files = try Self.bundled()
        #expect(files.filter { $0.kind == "convention" }.count >= 12)
        #expect(files.filter { $0.kind == "bilan" }.count >= 8)
        #expect(files.filter { $0.kind == "scenario" }.count >= 60)
        for (kind, path) in files {
            let (errors, _) = try Self.check(kind, path: path)
            #expect(errors.isEmpty, "\(path) : \(errors)")
        }
    }

    @Test("Les fichiers livrés citent leur schéma (yaml-language-server) quand ils sont nouveaux")
    func schemaReference() throws {
        let text = try String(
            contentsOfFile: Self.root + "/Examples/conventions/alpes-maritimes/cofinancement-pauvrete-2023.yaml",
            encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../../../docs/schema/convention.schema.json\n"))
        #expect(FileManager.default.fileExists(atPath: Self.root + "/docs/schema/convention.schema.json"))
    }

    /// The keys the loader accepts in the mapping at `node`: an unknown key inserted there is refused with the list.
    static func loaderKeys(kind: String, path: String, text: String, at node: Node) throws -> Set<String>? {
        let mark = node.mark!
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edited = lines
        var line = lines[mark.line - 1]
        let index = line.index(line.startIndex, offsetBy: mark.column - 1)
        if line[index...].hasPrefix("{") {
            // The mapping's mark is at its brace or at its first key: the last « { » up to there opens it.
            let brace = line[...index].lastIndex(of: "{")!
            line.insert(contentsOf: " \(probe): 1,", at: line.index(after: brace))
            edited[mark.line - 1] = line
        } else {
            // « - id: x » becomes « - zzqqxxkk: 1 » then «   id: x »; « key: x » gets a line before it.
            let indent = String(repeating: " ", count: mark.column - 1)
            edited[mark.line - 1] = String(line[..<index]) + "\(probe): 1"
            edited.insert(indent + String(line[index...]), at: mark.line)
        }
        let probed = edited.joined(separator: "\n")
        let file = root + "/" + path
        var diagnostics: [Diagnostic] = []
        do {
            switch kind {
            case "convention": _ = try ConventionFiles.convention(text: probed, file: file)
            case "bilan":
                let header = try ConventionFiles.bilanHeader(text: text, file: file)
                let convention = try conventionNamed(header.conventionID)
                _ = try ConventionFiles.bilan(text: probed, file: file, for: convention)
            default:
                _ = try ConventionFiles.scenario(text: probed, file: file) { conventionPath, structure, operation throws(LoadFailure) in
                    try ScenarioRunnerTerms.terms(conventionPath, structure, operation)
                }
            }
        } catch let failure as LoadFailure {
            diagnostics = failure.diagnostics
        } catch {
            diagnostics = []
        }
        guard let message = diagnostics.map(\.message).first(where: { $0.contains("clé inconnue « \(probe) »") }),
            let open = message.range(of: "(clés possibles : ")
        else { return nil }
        let list = message[open.upperBound...].dropLast()
        return Set(list.components(separatedBy: ", "))
    }

    static func conventionNamed(_ id: String) throws -> Convention {
        for folder in ["Conventions", "Examples/conventions"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let name = enumerator?.nextObject() as? String {
                guard name.hasSuffix(".yaml") else { continue }
                if case .convention(let convention)? = try? ConventionFiles.load(path: root + "/" + folder + "/" + name).0,
                    convention.id == id
                {
                    return convention
                }
            }
        }
        throw LoadFailure([])
    }

    @Test("Le schéma et le chargeur acceptent et refusent les mêmes clés, dictionnaire par dictionnaire")
    func schemaKeysEqualLoaderKeys() throws {
        var probed: Set<String> = []
        var mismatches: [String] = []
        for (kind, path) in try Self.bundled() {
            let text = try String(contentsOfFile: Self.root + "/" + path, encoding: .utf8)
            let (_, closed) = try Self.check(kind, path: path)
            // The file level (format + section) is checked by the loader's header, once per kind.
            for mapping in closed where probed.insert("\(kind)\(mapping.schemaPath)").inserted {
                guard let keys = try Self.loaderKeys(kind: kind, path: path, text: text, at: mapping.node) else {
                    mismatches.append("\(kind) \(mapping.schemaPath) (\(path)) : le chargeur n'a pas refusé la clé inconnue")
                    continue
                }
                if keys != mapping.keys {
                    mismatches.append(
                        "\(kind) \(mapping.schemaPath) (\(path)) : schéma seul \(mapping.keys.subtracting(keys).sorted()), "
                            + "chargeur seul \(keys.subtracting(mapping.keys).sorted())")
                }
            }
        }
        #expect(probed.count >= 40, "\(probed.sorted())")
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("Une clé inconnue échoue au schéma comme au chargeur")
    func unknownKeyFailsBoth() throws {
        let text = LoaderDiagnosticsTests.valid.replacingOccurrences(of: "  titre: Essai", with: "  titre: Essai\n  plafon: 1 €")
        let node = try #require(try Yams.compose(yaml: text))
        let schema = try Self.schema("convention")
        var closed: [ClosedMapping] = []
        let errors = Self.validate(node, schema, root: schema, path: "#", closed: &closed)
        #expect(errors.contains { $0.contains("clé inconnue « plafon »") }, "\(errors)")
        #expect(throws: LoadFailure.self) { try ConventionFiles.convention(text: text, file: "essai.yaml") }
        #expect(Self.validate(try #require(try Yams.compose(yaml: LoaderDiagnosticsTests.valid)), schema, root: schema,
            path: "#", closed: &closed).isEmpty)
    }
}

/// The terms a scenario's bilan is read against, for probing scenarios without the runner's module.
enum ScenarioRunnerTerms {
    static func terms(_ path: String, _ structure: String?, _ operation: String?) throws(LoadFailure) -> Convention {
        let loaded = try ConventionFiles.load(path: path).0
        switch loaded {
        case .convention(let convention): return convention
        case .programme(let programme):
            guard let structure,
                let row = programme.rows.first(where: { $0.structure == structure && (operation == nil || $0.operation == operation) }),
                let evaluator = try? ProgrammeEvaluator(programme.programme), let terms = try? evaluator.terms(for: row)
            else { throw LoadFailure([]) }
            return terms
        case .bilan: throw LoadFailure([])
        }
    }
}
