import SubventionCSV
import SubventionCore

/// A generated benchmark row (`row,operation,places,realised_places,cost_cents,avance_cents`): the operation as
/// an index into the settler's operations, amounts in cents. Rows are held in one array, read through one
/// buffer pointer per batch.
struct BenchmarkRow {
    let id: Int64
    let operation: Int
    let places: Int64
    let realised: Int64
    let cost: Int64
    let avance: Int64

    /// Reads the generated CSV through libcsv.
    static func readAll(path: String, operationKeys: [[UInt8]]) throws -> [BenchmarkRow] {
        var rows: [BenchmarkRow] = []
        var header = true
        try CSVReader.forEachRecord(path: path, delimiter: .comma) { (line, fields) throws(CSVError) in
            if header {
                header = false
                return
            }
            rows.append(try BenchmarkRow(fields, line: line, path: path, operationKeys: operationKeys))
        }
        return rows
    }

    /// One record's fields, parsed without building a string.
    init(_ fields: [ArraySlice<UInt8>], line: Int, path: String, operationKeys: [[UInt8]]) throws(CSVError) {
        guard fields.count == 6, let operation = operationKeys.firstIndex(where: { $0.elementsEqual(fields[1]) }),
            let id = Self.integer(fields[0]), let places = Self.integer(fields[2]), places > 0,
            let realised = Self.integer(fields[3]), let cost = Self.integer(fields[4]), let avance = Self.integer(fields[5])
        else {
            throw CSVError(file: path, line: line, column: 1, message: "ligne de banc d'essai invalide")
        }
        (self.id, self.operation, self.places, self.realised, self.cost, self.avance) = (id, operation, places, realised, cost, avance)
    }

    /// A non-negative decimal integer, or nil.
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count < 19 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }
}
