import SubventionCSV
import SubventionCore
import SubventionReports

/// Where `batch` writes the « lignes » table as it streams (« écriture des lignes »): CSV (``CSVLineWriter``) or
/// JSON lines (``JSONLineWriter``), one field after the other, straight into bytes.
protocol BatchLineWriter: Sendable {
    /// The header line (CSV), or nothing (JSON lines).
    mutating func header()
    mutating func text(_ text: LineText)
    mutating func cents(_ cents: Int64)
    mutating func quantity(_ quantity: Rational)
    mutating func empty()
    mutating func endLine()
    /// The total line, from the report's cells.
    mutating func total(_ cells: [ReportCell])
    /// A text written on many lines (an operation's label), encoded once.
    func encoded(_ text: String) -> LineText
    /// The bytes written since the last call.
    mutating func takeBytes() -> [UInt8]
}

/// A text field of a written line: a row's text, a record's own bytes (valid UTF-8), or a field already encoded by
/// the writer (``BatchLineWriter/encoded(_:)``).
enum LineText {
    case string(String)
    case bytes(ArraySlice<UInt8>)
    case encoded([UInt8])
}

/// The « lignes » table as CSV: the bytes of ``CSVRenderer`` for the same cells.
struct CSVLineWriter: BatchLineWriter {
    var writer: CSVWriter
    private var first = true

    init(dialect: CSVDialect) {
        writer = CSVWriter(dialect: dialect)
        // The byte order mark starts the file, not every chunk: ``header()`` writes it.
        _ = writer.takeBytes()
    }

    mutating func header() {
        var start = CSVWriter(dialect: writer.dialect)
        writer.append(start.takeBytes())
        writer.write(CSVRenderer.header(BatchReport.lineColumns, dialect: writer.dialect))
    }

    mutating func text(_ text: LineText) {
        switch text {
        case .string(let string): writer.writeField(string, first: first)
        case .bytes(let bytes): writer.writeField(bytes: bytes, first: first)
        case .encoded(let encoded): writer.writeEncodedField(encoded, first: first)
        }
        first = false
    }

    mutating func cents(_ cents: Int64) {
        writer.writeCents(cents, first: first)
        first = false
    }

    mutating func quantity(_ quantity: Rational) {
        if quantity.denominator == 1, quantity.numerator >= 0 {
            writer.writeDigits(UInt64(quantity.numerator), first: first)
        } else {
            writer.writeField(CSVRenderer.fields([.number(quantity)], dialect: writer.dialect)[0], first: first)
        }
        first = false
    }

    mutating func empty() {
        writer.writeEmptyField(first: first)
        first = false
    }

    mutating func endLine() {
        writer.endRecord()
        first = true
    }

    mutating func total(_ cells: [ReportCell]) { writer.write(CSVRenderer.fields(cells, dialect: writer.dialect)) }

    func encoded(_ text: String) -> LineText { .encoded(writer.encodedField(text)) }

    mutating func takeBytes() -> [UInt8] { writer.takeBytes() }
}

/// The « lignes » table as JSON lines: one object per line with the columns' keys, the values of
/// ``JSONLinesRenderer`` for the same cells (amounts as machine strings, empty cells as null).
struct JSONLineWriter: BatchLineWriter {
    /// `"key":` of each column, in order.
    let keys: [[UInt8]] = BatchReport.lineColumns.map { Array((JSONValue.quote($0.key) + ":").utf8) }
    private(set) var bytes: [UInt8] = []
    private var column = 0

    mutating func header() {}

    private mutating func key() {
        bytes.append(column == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
        bytes.append(contentsOf: keys[column])
        column += 1
    }

    mutating func text(_ text: LineText) {
        key()
        switch text {
        case .string(let string): bytes.append(contentsOf: JSONValue.quote(string).utf8)
        case .bytes(let field): JSONLineWriter.quote(field, into: &bytes)
        case .encoded(let encoded): bytes.append(contentsOf: encoded)
        }
    }

    mutating func cents(_ cents: Int64) {
        key()
        bytes.append(UInt8(ascii: "\""))
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = cents.magnitude
        bytes.append(contentsOf: String(magnitude / 100).utf8)
        bytes.append(UInt8(ascii: "."))
        let fraction = UInt8(truncatingIfNeeded: magnitude % 100)
        bytes.append(0x30 + fraction / 10)
        bytes.append(0x30 + fraction % 10)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func quantity(_ quantity: Rational) {
        key()
        bytes.append(contentsOf: JSONValue.quote(ReportCell.number(quantity).machine).utf8)
    }

    mutating func empty() {
        key()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func endLine() {
        bytes.append(contentsOf: "}\n".utf8)
        column = 0
    }

    mutating func total(_ cells: [ReportCell]) {
        bytes.append(contentsOf: JSONLinesRenderer.line(BatchReport.lineColumns, cells).utf8)
    }

    func encoded(_ text: String) -> LineText { .encoded(Array(JSONValue.quote(text).utf8)) }

    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// A field's UTF-8 bytes as a JSON string, escaped as ``JSONValue`` escapes text.
    static func quote(_ field: ArraySlice<UInt8>, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in field {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
