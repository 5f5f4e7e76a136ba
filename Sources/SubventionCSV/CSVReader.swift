import CLibCSV

/// Reads CSV through libcsv (strict RFC 4180 quoting), keeping the line each record starts on.
///
/// Accepts an optional UTF-8 BOM, LF or CRLF line ends, and `;`, `,` or tab delimiters (detected from the
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
    /// The field buffers are reused between records: copy what you keep. This is the path for large files.
    /// - Throws: ``CSVError`` for malformed quoting, or what `body` throws.
    public static func forEachRecord(
        bytes: [UInt8], file: String? = nil, delimiter: CSVDelimiter,
        _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) throws(CSVError) -> Void
    ) throws(CSVError) {
        let state = ParserState()
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            throw CSVError(file: file, line: 0, column: 0, message: "mémoire insuffisante pour lire le CSV")
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter.rawValue)
        csv_set_space_func(&parser) { _ in 0 }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let context = Unmanaged.passUnretained(state).toOpaque()
        var lineStart = start
        var line = 1
        var failure: CSVError?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while lineStart < buffer.count, failure == nil {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                let length = min(lineEnd + 1, buffer.count) - lineStart
                state.line = line
                let parsed = csv_parse(&parser, base + lineStart, length, fieldEnded, recordEnded, context)
                if parsed < length {
                    failure = CSVError(file: file, line: line, column: parsed + 1,
                        message: "guillemets mal placés : un champ entre guillemets doit être fermé et suivi d'un séparateur")
                    return
                }
                if let error = flush(state, body) { failure = error; return }
                lineStart = lineEnd + 1
                line += 1
            }
        }
        if let failure { throw failure }
        state.line = line - 1
        if csv_fini(&parser, fieldEnded, recordEnded, context) != 0 {
            throw CSVError(file: file, line: state.recordLine ?? max(line - 1, 1), column: 0,
                message: "guillemet ouvrant sans guillemet fermant à la fin du fichier")
        }
        if let error = flush(state, body) { throw error }
    }

    private static func flush(
        _ state: ParserState, _ body: (Int, [ArraySlice<UInt8>]) throws(CSVError) -> Void
    ) -> CSVError? {
        defer { state.completed.removeAll(keepingCapacity: true) }
        for (line, fields) in state.completed {
            do {
                try body(line, fields)
            } catch {
                return error
            }
        }
        return nil
    }
}

/// What the libcsv callbacks accumulate.
final class ParserState {
    var line = 1
    var recordLine: Int?
    var fields: [ArraySlice<UInt8>] = []
    var completed: [(Int, [ArraySlice<UInt8>])] = []
}

private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParserState>.fromOpaque(context).takeUnretainedValue()
    let bytes = data.map { ArraySlice(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
    if state.recordLine == nil {
        let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        state.recordLine = state.line - newlines
    }
    state.fields.append(bytes)
}

private func recordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParserState>.fromOpaque(context).takeUnretainedValue()
    state.completed.append((state.recordLine ?? state.line, state.fields))
    state.fields.removeAll(keepingCapacity: true)
    state.recordLine = nil
}
