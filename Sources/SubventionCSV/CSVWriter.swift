import CLibCSV

/// Writes CSV records, quoting through libcsv where a field needs it (delimiter, quote, CR or LF).
///
/// ```swift
/// var writer = CSVWriter(dialect: .excelFrench)
/// writer.write(["structure", "montant"])
/// writer.write(["=HYPERLINK(\"x\")", "-3000,00"])   // → '=HYPERLINK("x");-3000,00
/// let bytes = writer.bytes
/// ```
public struct CSVWriter: Sendable {
    public let dialect: CSVDialect
    /// The CSV written so far, as UTF-8.
    public private(set) var bytes: [UInt8]

    public init(dialect: CSVDialect = .rfc4180) {
        self.dialect = dialect
        bytes = dialect.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    }

    /// The CSV written so far, as text (without the BOM).
    public var text: String {
        String(decoding: dialect.byteOrderMark ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    }

    /// The bytes written since the last call (the BOM included the first time), leaving the writer empty: for
    /// writing a large CSV a chunk at a time.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(dialect.delimiter.rawValue) }
            append(dialect.neutralisesFormulas ? Self.neutralised(field) : field)
        }
        bytes.append(contentsOf: dialect.lineEnd.utf8)
    }

    /// Appends one field of a record being written piece by piece (a delimiter before it unless `first`): the
    /// bytes ``write(_:)`` gives the same field, without an array of strings per record.
    package mutating func writeField(_ field: String, first: Bool) {
        if !first { bytes.append(dialect.delimiter.rawValue) }
        if dialect.neutralisesFormulas, let byte = field.utf8.first,
            byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
        {
            append(Self.neutralised(field))
        } else {
            append(field)
        }
    }

    /// Appends one field given as UTF-8 bytes (a record's own field, copied to the output): the bytes
    /// ``writeField(_:first:)`` gives for the same text.
    package mutating func writeField(bytes field: ArraySlice<UInt8>, first: Bool) {
        if dialect.neutralisesFormulas, let byte = field.first,
            byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
        {
            writeField(String(decoding: field, as: UTF8.self), first: first)
            return
        }
        if !first { bytes.append(dialect.delimiter.rawValue) }
        let delimiter = dialect.delimiter.rawValue
        if field.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            append(String(decoding: field, as: UTF8.self))
        } else {
            bytes.append(contentsOf: field)
        }
    }

    /// The bytes ``writeField(_:first:)`` appends for `field` after its delimiter: to write the same text on many
    /// records with ``writeEncodedField(_:first:)``.
    package func encodedField(_ field: String) -> [UInt8] {
        var alone = CSVWriter(dialect: dialect)
        alone.bytes.removeAll()
        alone.writeField(field, first: true)
        return alone.bytes
    }

    /// Appends bytes another writer of the same dialect wrote (its byte order mark, a chunk of records).
    package mutating func append(_ written: [UInt8]) {
        bytes.append(contentsOf: written)
    }

    /// Appends a field encoded once by ``encodedField(_:)`` (a delimiter before it unless `first`).
    package mutating func writeEncodedField(_ encoded: [UInt8], first: Bool) {
        if !first { bytes.append(dialect.delimiter.rawValue) }
        bytes.append(contentsOf: encoded)
    }

    /// Appends an amount in cents as ``write(_:)`` writes its machine text (`-1250.00`, or `-1250,00` in a dialect
    /// with a decimal comma), formatted straight into the buffer (a delimiter before it unless `first`).
    package mutating func writeCents(_ cents: Int64, first: Bool) {
        let decimalComma = dialect.decimalComma
        let separator: UInt8 = decimalComma ? 0x2C : 0x2E
        guard separator != dialect.delimiter.rawValue else {
            // A decimal comma in a comma-separated file: quoted, as the general path does.
            let magnitude = cents.magnitude
            let fraction = magnitude % 100
            let text = "\(cents < 0 ? "-" : "")\(magnitude / 100)\(decimalComma ? "," : ".")\(fraction < 10 ? "0" : "")\(fraction)"
            writeField(text, first: first)
            return
        }
        if !first { bytes.append(dialect.delimiter.rawValue) }
        if cents < 0 { bytes.append(0x2D) }
        let magnitude = cents.magnitude
        appendDigits(magnitude / 100)
        bytes.append(separator)
        let fraction = UInt8(truncatingIfNeeded: magnitude % 100)
        bytes.append(0x30 + fraction / 10)
        bytes.append(0x30 + fraction % 10)
    }

    /// Appends a whole number ≥ 0 in decimal digits (a delimiter before it unless `first`).
    package mutating func writeDigits(_ value: UInt64, first: Bool) {
        if !first { bytes.append(dialect.delimiter.rawValue) }
        appendDigits(value)
    }

    /// Appends an empty field (a delimiter unless `first`).
    package mutating func writeEmptyField(first: Bool) {
        if !first { bytes.append(dialect.delimiter.rawValue) }
    }

    /// Ends the record being written piece by piece.
    package mutating func endRecord() {
        bytes.append(contentsOf: dialect.lineEnd.utf8)
    }

    private mutating func appendDigits(_ value: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    private mutating func append(_ field: String) {
        let delimiter = dialect.delimiter.rawValue
        let needsQuotes = field.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        let utf8 = Array(field.utf8)
        let capacity = utf8.count * 2 + 2
        var quoted = [UInt8](repeating: 0, count: capacity)
        let written = utf8.withUnsafeBytes { source in
            quoted.withUnsafeMutableBytes { destination in
                csv_write(destination.baseAddress, capacity, source.baseAddress, utf8.count)
            }
        }
        bytes.append(contentsOf: quoted.prefix(written))
    }

    /// The field with a leading `'` when a spreadsheet would take it for a formula (`=`, `+`, `-`, `@`, tab, CR),
    /// unless it is a number as the project writes them (`-1250.00`, `-1 250,00 €`, `-12 %`).
    public static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return isNumber(field) ? field : "'" + field
    }

    static func isNumber(_ field: String) -> Bool {
        var scalars = Substring(field)
        if scalars.hasSuffix(" €") || scalars.hasSuffix("\u{A0}€") || scalars.hasSuffix(" %") || scalars.hasSuffix("\u{A0}%") {
            scalars = scalars.dropLast(2)
        }
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        guard let firstDigit = scalars.first, firstDigit.isASCII, firstDigit.isNumber else { return false }
        var seenSeparator = false
        for character in scalars {
            if character.isASCII && character.isNumber { continue }
            if character == " " || character == "\u{A0}" || character == "\u{202F}" { if seenSeparator { return false }; continue }
            if character == "," || character == "." {
                if seenSeparator { return false }
                seenSeparator = true
                continue
            }
            return false
        }
        return true
    }
}
