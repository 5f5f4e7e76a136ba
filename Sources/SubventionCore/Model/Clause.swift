/// Where a rule comes from: the document, its article and lines, so every computed figure can cite it.
public struct Clause: Hashable, Sendable, CustomStringConvertible {
    /// The source document (file name of the deliberation), when known.
    public var document: String?
    /// The article as the document numbers it (`3.3`, `4.1`, `Annexe 3`).
    public var article: String?
    /// The lines of the document (`612-620`).
    public var lines: String?
    /// A short verbatim excerpt.
    public var excerpt: String?

    public init(document: String? = nil, article: String? = nil, lines: String? = nil, excerpt: String? = nil) {
        self.document = document
        self.article = article
        self.lines = lines
        self.excerpt = excerpt
    }

    /// French citation: `Article 3.3 (002_a936abeb1206f53d.txt, l. 123-125)`.
    public var description: String {
        var parts: [String] = []
        if let article {
            parts.append(article.lowercased().hasPrefix("annexe") ? article : "Article \(article)")
        }
        var location: [String] = []
        if let document { location.append(document) }
        if let lines { location.append("l. \(lines)") }
        if !location.isEmpty {
            parts.append(parts.isEmpty ? location.joined(separator: ", ") : "(\(location.joined(separator: ", ")))")
        }
        return parts.isEmpty ? "clause non référencée" : parts.joined(separator: " ")
    }
}
