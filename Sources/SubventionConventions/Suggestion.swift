/// Suggests the intended word for a typo (« plafon » → « plafonds »), by edit distance.
package enum Suggestion {
    /// Words longer than this get no suggestion: the distance costs the product of the lengths.
    static let maximumLength = 64

    /// The closest candidate within a distance of a third of the word's length (at least 2), if any.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        guard word.count <= maximumLength else { return nil }
        let limit = max(2, word.count / 3)
        return candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two words.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                current[j + 1] = min(
                    previous[j + 1] + 1, current[j] + 1, previous[j] + (leftCharacter == rightCharacter ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
