import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads CSV through libcsv (strict RFC 4180 quoting), keeping the line each record starts on.
///
/// Accepts an optional UTF-8 BOM, LF, CRLF or CR-only (old Mac) line ends, and `;`, `,` or tab delimiters (detected from the
/// header when not given). Fields are kept verbatim: no space is trimmed.
public enum CSVReader {
    /// Reads a whole table whose first record is the header; every record must have the header's field count.
    /// - Throws: ``CSVError`` with the line and column of the problem.
    public static func table(bytes: [UInt8], file: String? = nil, delimiter: CSVDelimiter? = nil) throws(CSVError)
        -> CSVTable
    {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let separator = delimiter ?? CSVDelimiter.detect(in: body)
        var header: [String]?
        var records: [CSVRecord] = []
        try forEachRecord(bytes: body, file: file, delimiter: separator) { (line, fields) throws(CSVError) in
            let strings = try fields.enumerated().map { (index, field) throws(CSVError) in
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw CSVError(file: file, line: line, column: index + 1,
                        message: "champ \(index + 1) : texte qui n'est pas en UTF-8 (enregistrez le fichier en UTF-8)")
                }
                return text
            }
            guard let header else {
                header = strings
                return
            }
            guard strings.count == header.count else {
                throw CSVError(file: file, line: line, column: min(strings.count, header.count) + 1,
                    message: "\(header.count) champs attendus (en-tête), \(strings.count) trouvés")
            }
            records.append(CSVRecord(line: line, fields: strings))
        }
        guard let header else { throw CSVError(file: file, line: 1, column: 1, message: "fichier vide : une ligne d'en-tête est attendue") }
        return CSVTable(header: header, records: records, delimiter: separator)
    }

    /// Streams the records of `bytes` (a BOM is skipped) to `body` with the line each starts on.
    ///
    /// The fields are slices of one buffer reused between records: copy what you keep, and read a field as a
    /// collection (its indices do not start at 0). This is the path for large files: no allocation per field
    /// or per record once the buffers have grown.
    /// - Throws: ``CSVError`` for malformed quoting, or what `body` throws.
    public static func forEachRecord(
        bytes: [UInt8], file: String? = nil, delimiter: CSVDelimiter,
        _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) throws(CSVError) -> Void
    ) throws(CSVError) {
        // The callbacks reach the state through a raw pointer: no reference counting and no exclusivity check
        // per field.
        let state = UnsafeMutablePointer<ParserState>.allocate(capacity: 1)
        state.initialize(to: ParserState())
        defer { state.deinitialize(count: 1).deallocate() }
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            throw CSVError(file: file, line: 0, column: 0, message: "mémoire insuffisante pour lire le CSV")
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter.rawValue)
        csv_set_space_func(&parser) { _ in 0 }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let context = UnsafeMutableRawPointer(state)
        var fields: [ArraySlice<UInt8>] = []
        var lineStart = start
        var line = 1
        var failure: CSVError?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // A file without any LF but with CRs has CR-only line ends: count lines on CR then.
            let lineEndByte: UInt8 =
                memchr(base + start, 0x0A, buffer.count - start) == nil
                    && memchr(base + start, 0x0D, buffer.count - start) != nil ? 0x0D : 0x0A
            state.pointee.lineEndByte = lineEndByte
            while lineStart < buffer.count, failure == nil {
                var lineEnd = buffer.count
                if let newline = memchr(base + lineStart, Int32(lineEndByte), buffer.count - lineStart) {
                    lineEnd = UnsafeRawPointer(base).distance(to: newline)
                }
                let length = min(lineEnd + 1, buffer.count) - lineStart
                state.pointee.line = line
                let parsed = csv_parse(&parser, base + lineStart, length, fieldEnded, recordEnded, context)
                if parsed < length {
                    failure = CSVError(file: file, line: line, column: parsed + 1,
                        message: "guillemets mal placés : un champ entre guillemets doit être fermé et suivi d'un séparateur")
                    return
                }
                if let error = state.pointee.flush(into: &fields, body) { failure = error; return }
                lineStart = lineEnd + 1
                line += 1
            }
        }
        if let failure { throw failure }
        state.pointee.line = line - 1
        if csv_fini(&parser, fieldEnded, recordEnded, context) != 0 {
            throw CSVError(file: file, line: state.pointee.recordLine ?? max(line - 1, 1), column: 0,
                message: "guillemet ouvrant sans guillemet fermant à la fin du fichier")
        }
        if let error = state.pointee.flush(into: &fields, body) { throw error }
    }
}

/// What the libcsv callbacks accumulate: the bytes of the pending fields end to end, where each field ends, and
/// the records completed since the last flush.
struct ParserState {
    var line = 1
    /// The byte that ends a line: LF, or CR in a file with CR-only line ends.
    var lineEndByte: UInt8 = 0x0A
    /// The line the current record starts on, once its first field is known.
    var recordLine: Int?
    var bytes: [UInt8] = []
    var fieldEnds: [Int] = []
    /// Each completed record: the line it starts on and its number of fields.
    var records: [(line: Int, fieldCount: Int)] = []
    /// The fields of the current, incomplete record.
    var pendingFields = 0

    /// Hands the completed records to `body` as slices of ``bytes`` (through the reused `fields` array), then
    /// drops them, keeping the fields of a record not complete yet (a quoted field across lines).
    mutating func flush(
        into fields: inout [ArraySlice<UInt8>], _ body: (Int, [ArraySlice<UInt8>]) throws(CSVError) -> Void
    ) -> CSVError? {
        var field = 0
        var start = 0
        var failure: CSVError?
        for record in records {
            fields.removeAll(keepingCapacity: true)
            for _ in 0..<record.fieldCount {
                let end = fieldEnds[field]
                fields.append(bytes[start..<end])
                start = end
                field += 1
            }
            do {
                try body(record.line, fields)
            } catch {
                failure = error
                break
            }
        }
        fields.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        if field == fieldEnds.count {
            bytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
        } else {
            bytes.removeSubrange(0..<start)
            fieldEnds.removeSubrange(0..<field)
            for index in fieldEnds.indices { fieldEnds[index] -= start }
        }
        return failure
    }
}

private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let state = context?.assumingMemoryBound(to: ParserState.self) else { return }
    let field = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length)
    if state.pointee.recordLine == nil {
        let lineEnd = state.pointee.lineEndByte
        let newlines = field.reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
        state.pointee.recordLine = state.pointee.line - newlines
    }
    state.pointee.bytes.append(contentsOf: field)
    state.pointee.fieldEnds.append(state.pointee.bytes.count)
    state.pointee.pendingFields += 1
}

private func recordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let state = context?.assumingMemoryBound(to: ParserState.self) else { return }
    state.pointee.records.append((state.pointee.recordLine ?? state.pointee.line, state.pointee.pendingFields))
    state.pointee.pendingFields = 0
    state.pointee.recordLine = nil
}
