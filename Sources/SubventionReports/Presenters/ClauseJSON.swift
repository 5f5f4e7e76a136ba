import SubventionCore

extension Clause {
    /// The clause as a JSON object: `document`, `article`, `lignes`, `extrait`, `citation`.
    public var json: JSONValue {
        .object([
            ("document", .text(document)), ("article", .text(article)), ("lignes", .text(lines)),
            ("extrait", .text(excerpt)), ("citation", .string(description)),
        ])
    }
}

extension Optional where Wrapped == Clause {
    var json: JSONValue { map(\.json) ?? .null }
}
