import SubventionCSV
import SubventionCore

/// The benchmark rows in memory, column by column: operation index, places, realised places, cost and avance.
struct BenchmarkRows {
    var ids: [Int64] = []
    var operations: [Int] = []
    var places: [Int64] = []
    var realised: [Int64] = []
    var costs: [Int64] = []
    var avances: [Int64] = []

    var count: Int { ids.count }

    /// Reads the generated CSV (`row,operation,places,realised_places,cost_cents,avance_cents`) through libcsv.
    static func read(path: String, operationIndex: [String: Int]) throws -> BenchmarkRows {
        var rows = BenchmarkRows()
        var header = true
        try CSVReader.forEachRecord(path: path, delimiter: .comma) { (line, fields) throws(CSVError) in
            if header {
                header = false
                return
            }
            let parsed = try Self.parse(fields, line: line, path: path, operationIndex: operationIndex)
            rows.ids.append(parsed.id)
            rows.operations.append(parsed.operation)
            rows.places.append(parsed.places)
            rows.realised.append(parsed.realised)
            rows.costs.append(parsed.cost)
            rows.avances.append(parsed.avance)
        }
        return rows
    }

    /// One record's fields, parsed without building strings except for the operation id.
    static func parse(_ fields: [ArraySlice<UInt8>], line: Int, path: String, operationIndex: [String: Int])
        throws(CSVError) -> (id: Int64, operation: Int, places: Int64, realised: Int64, cost: Int64, avance: Int64)
    {
        guard fields.count == 6, let operation = operationIndex[String(decoding: fields[1], as: UTF8.self)],
            let id = integer(fields[0]), let places = integer(fields[2]), places > 0, let realised = integer(fields[3]),
            let cost = integer(fields[4]), let avance = integer(fields[5])
        else {
            throw CSVError(file: path, line: line, column: 1, message: "ligne de banc d'essai invalide")
        }
        return (id, operation, places, realised, cost, avance)
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
