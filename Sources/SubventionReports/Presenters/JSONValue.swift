import SubventionCore

/// A JSON value whose object keys keep the order they are given in, so machine output is byte-stable.
///
/// Amounts are strings in machine form (`"1466282.20"`), never floats; dates are ISO strings.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An amount, as a machine string.
    public static func money(_ amount: Money?) -> JSONValue { amount.map { .string($0.machine) } ?? .null }
    /// A date, as an ISO string.
    public static func date(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.iso) } ?? .null }
    /// An optional string.
    public static func text(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The JSON text, indented by two spaces, ending with a newline at top level.
    public func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return JSONValue.quote(text)
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closing)]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n"
                + pairs.map { "\(pad)\(JSONValue.quote($0.0)): \($0.1.serialized(indent: indent + 1))" }
                    .joined(separator: ",\n") + "\n\(closing)}"
        }
    }

    /// The JSON text on one line, without spaces (JSON lines).
    public func compact() -> String {
        switch self {
        case .string(let text): return JSONValue.quote(text)
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONValue.quote($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        }
    }

    package static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
