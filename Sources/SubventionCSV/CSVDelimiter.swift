/// The field separator of a CSV file: `;` in French spreadsheets, `,` elsewhere.
public enum CSVDelimiter: UInt8, Hashable, Sendable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// The delimiter used most often outside quotes on the first line of `bytes` (`,` when none is).
    public static func detect(in bytes: some Collection<UInt8>) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if !quoted, byte == 0x0A { break }
            if !quoted, let delimiter = CSVDelimiter(rawValue: byte) { counts[delimiter, default: 0] += 1 }
        }
        return CSVDelimiter.allCases.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? .comma
    }
}
