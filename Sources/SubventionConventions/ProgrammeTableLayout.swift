import SubventionCSV
import SubventionCore

/// Where a programme's structures table (« tableau des structures ») keeps each figure, and how a record becomes a
/// ``ProgrammeRow``: the one reader of table records, used when the table is read whole (``ConventionFiles``) and
/// when `batch` streams it, so both accept and refuse the same cells with the same messages.
package struct ProgrammeTableLayout: Sendable {
    let programme: Programme
    /// Each table label's operation and the inputs of its model, resolved once (a batch reads millions of rows).
    private(set) var byLabel: [String: (operation: Operation, inputs: [InputDeclaration]?)] = [:]
    /// The labels of ``byLabel`` as UTF-8 bytes, each with its entry and, per column of ``values``, the kind of
    /// its input (nil when the model does not declare it): `batch` finds a record's operation by comparing bytes.
    private(set) var byteLabels: [(bytes: [UInt8], label: String, valueKinds: [InputDeclaration.Kind?])] = []
    /// The columns no figure is read from: only checked to be UTF-8, as the general reader does.
    private(set) var otherColumns: [Int] = []
    /// The file the records come from (diagnostics name it).
    package let file: String
    let operation: Int
    package let territory: Int
    package let structure: Int
    let amount: Int
    let quantity: Int?
    package let sourceLine: Int?
    /// Input key and column of the realised figures (`tableau.valeurs`) present in the file.
    let values: [(key: String, column: Int)]
    /// Parameter key and column (`tableau.parametres`) present in the file.
    let parameters: [(key: String, column: Int)]
    /// The number of fields of every record (the header's).
    package let fieldCount: Int
    /// The field separator detected on the header.
    package let delimiter: CSVDelimiter

    /// The row of one record, or the diagnostics that refuse it (`report` receives each problem with its column,
    /// counted from 1).
    ///
    /// A record whose operation or amount cannot be read gives no row; a record with a bad value or parameter
    /// gives its row and the diagnostics (the load then fails on them).
    init(
        programme: Programme, file: String, operation: Int, territory: Int, structure: Int, amount: Int, quantity: Int?,
        sourceLine: Int?, values: [(key: String, column: Int)], parameters: [(key: String, column: Int)], fieldCount: Int,
        delimiter: CSVDelimiter
    ) {
        self.programme = programme
        self.file = file
        self.operation = operation
        self.territory = territory
        self.structure = structure
        self.amount = amount
        self.quantity = quantity
        self.sourceLine = sourceLine
        self.values = values
        self.parameters = parameters
        self.fieldCount = fieldCount
        self.delimiter = delimiter
        resolveLabels()
    }

    private mutating func resolveLabels() {
        byLabel = [:]
        // In reverse, so that the first operation with a label wins, as in Programme.operation(forTableLabel:).
        for operation in programme.operations.reversed() {
            let inputs = programme.models[operation.model]?.terms.inputs
            for label in [operation.id, operation.label] + operation.tableLabels { byLabel[label] = (operation, inputs) }
        }
        byteLabels = byLabel.map { label, entry in
            (Array(label.utf8), label, values.map { value in entry.inputs?.first(where: { $0.key == value.key })?.kind })
        }
        let read = Set([operation, territory, structure, amount] + [quantity, sourceLine].compactMap { $0 })
            .union(values.map(\.column)).union(parameters.map(\.column))
        otherColumns = (0..<fieldCount).filter { !read.contains($0) }
    }

    package func row(
        _ fields: [String], line: Int, report: (_ column: Int, _ message: String) -> Void
    ) -> ProgrammeRow? {
        let operationLabel = fields[operation]
        guard let (operation, inputs) = byLabel[operationLabel] else {
            report(self.operation + 1, "opération « \(operationLabel) » inconnue du programme (ajoutez-la à « libelles-tableau »)")
            return nil
        }
        let declared: Money
        do {
            declared = try TableCell.amount(fields[amount])
        } catch {
            report(amount + 1, "montant : \(error)")
            return nil
        }
        var rowQuantity: Rational?
        if let quantity, !fields[quantity].isEmpty {
            do {
                rowQuantity = try TableCell.quantity(fields[quantity])
            } catch {
                report(quantity + 1, "quantité : \(error)")
                return nil
            }
        }
        var row = ProgrammeRow(
            line: line, operation: operationLabel, territory: fields[territory], structure: fields[structure],
            quantity: rowQuantity, declaredAmount: declared)
        row.sourceLine = sourceLine.map { fields[$0] }
        for (key, column) in values where !fields[column].isEmpty {
            guard let input = inputs?.first(where: { $0.key == key }) else {
                report(column + 1, "entrée « \(key) » inconnue du modèle « \(operation.model) »")
                continue
            }
            do {
                switch input.kind {
                case .money: row.values[key] = .money(try TableCell.amount(fields[column]))
                case .quantity(let unit): row.values[key] = .quantity(Quantity(try TableCell.quantity(fields[column]), unit))
                }
            } catch {
                report(column + 1, "\(key) : \(error)")
            }
        }
        for (key, column) in parameters where !fields[column].isEmpty {
            do {
                row.parameters[key] = try TableCell.amount(fields[column])
            } catch {
                report(column + 1, "\(key) : \(error)")
            }
        }
        return row
    }

    /// The row of a record read straight from its bytes when every cell is in a common writing (a known label,
    /// amounts and quantities as ``TableCell`` reads them fast, UTF-8 text); nil otherwise, and then
    /// ``strings(_:)`` and ``row(_:line:report:)`` read the record (and alone give its diagnostics). When it gives a
    /// row, it is the row ``row(_:line:report:)`` gives for the same record, without a problem: the path of
    /// millions of rows in `batch`.
    package func fastRow(_ fields: [ArraySlice<UInt8>], line: Int) -> ProgrammeRow? {
        guard fields.count == fieldCount else { return nil }
        // Every field is UTF-8 (the general path refuses the record otherwise): a field read as a label or a figure
        // is by its bytes, the texts are validated as they are made, the others here.
        for column in otherColumns where !Self.isASCII(fields[column]) {
            guard String(validating: fields[column], as: UTF8.self) != nil else { return nil }
        }
        guard
            let entryIndex = fields[operation].withUnsafeBytes({ label in
                byteLabels.firstIndex { $0.bytes.count == label.count && $0.bytes.elementsEqual(label) }
            })
        else { return nil }
        let valueKinds = byteLabels[entryIndex].valueKinds
        guard let declared = TableCell.fastAmount(fields[amount]) else { return nil }
        var rowQuantity: Rational?
        if let quantity, !fields[quantity].isEmpty {
            guard let value = TableCell.fastQuantity(fields[quantity]) else { return nil }
            rowQuantity = value
        }
        guard let territoryText = String(validating: fields[territory], as: UTF8.self),
            let structureText = String(validating: fields[structure], as: UTF8.self)
        else { return nil }
        var row = ProgrammeRow(
            line: line, operation: byteLabels[entryIndex].label, territory: territoryText, structure: structureText,
            quantity: rowQuantity, declaredAmount: declared)
        if let sourceLine {
            guard let text = String(validating: fields[sourceLine], as: UTF8.self) else { return nil }
            row.sourceLine = text
        }
        for (index, (key, column)) in values.enumerated() where !fields[column].isEmpty {
            switch valueKinds[index] {
            case nil: return nil
            case .money?:
                guard let amount = TableCell.fastAmount(fields[column]) else { return nil }
                row.values[key] = .money(amount)
            case .quantity(let unit)?:
                guard let value = TableCell.fastQuantity(fields[column]) else { return nil }
                row.values[key] = .quantity(Quantity(value, unit))
            }
        }
        for (key, column) in parameters where !fields[column].isEmpty {
            guard let amount = TableCell.fastAmount(fields[column]) else { return nil }
            row.parameters[key] = amount
        }
        return row
    }

    static func isASCII(_ field: ArraySlice<UInt8>) -> Bool {
        field.withUnsafeBytes { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < bytes.count {
                if bytes[index] & 0x80 != 0 { return false }
                index += 1
            }
            return true
        }
    }

    /// The fields of a record as text, or the column of the first field that is not UTF-8.
    package static func strings(_ fields: [ArraySlice<UInt8>]) -> Result<[String], CSVError> {
        var strings: [String] = []
        strings.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            guard let text = String(validating: field, as: UTF8.self) else {
                return .failure(
                    CSVError(file: nil, line: 0, column: index + 1,
                        message: "champ \(index + 1) : texte qui n'est pas en UTF-8 (enregistrez le fichier en UTF-8)"))
            }
            strings.append(text)
        }
        return .success(strings)
    }
}

/// The cells of a structures table (« cellules du tableau »): amounts and quantities, ≥ 0.
///
/// The common writings (`20 800,00 €`, `20800`, `337,5`: ASCII digits grouped by three with a plain space, a
/// decimal comma, an optional ` €`) are read straight from their bytes; anything else (points, other spaces,
/// signs, `- €`, too many digits) goes through the general parsers (``Money/init(parsing:)``,
/// ``Rational/init(parsingDecimal:suffixes:)``), which alone accept or refuse it. The fast reading gives the general
/// parsers' value on every text it takes (a property test compares them).
package enum TableCell {
    /// The digits of a strict common writing: integer digits (grouped by three with U+0020, or not grouped), an
    /// optional decimal comma and digits, an optional ` €` when `currency`; nil for any other text.
    static func fastDigits(_ text: String, currency: Bool) -> (digits: Int64, fractionCount: Int)? {
        var text = text
        return text.withUTF8 { fastDigits(UnsafeRawBufferPointer($0), currency: currency) }
    }

    /// ``fastDigits(_:currency:)`` of a field's bytes (a field that is not UTF-8 is not a common writing).
    static func fastDigits(_ field: ArraySlice<UInt8>, currency: Bool) -> (digits: Int64, fractionCount: Int)? {
        field.withUnsafeBytes { fastDigits($0, currency: currency) }
    }

    static func fastDigits(_ bytes: UnsafeRawBufferPointer, currency: Bool) -> (digits: Int64, fractionCount: Int)? {
        var end = bytes.count
        if currency, end >= 5, bytes[end - 4] == 0x20, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x82, bytes[end - 1] == 0xAC {
            end -= 4
        }
        var index = 0
        var value: Int64 = 0
        var digits = 0
        var group = 0
        var grouped = false
        var firstGroup = 0
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                value = value &* 10 &+ Int64(byte &- 0x30)
                digits += 1
                group += 1
            } else if byte == 0x20 {
                guard group > 0, index + 1 < end, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 else { return nil }
                if grouped {
                    guard group == 3 else { return nil }
                } else {
                    firstGroup = group
                }
                grouped = true
                group = 0
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if grouped { guard firstGroup <= 3, group == 3 else { return nil } }
        var fractionCount = 0
        if index < end {
            guard bytes[index] == 0x2C else { return nil }
            index += 1
            while index < end {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value &* 10 &+ Int64(byte &- 0x30)
                fractionCount += 1
                index += 1
            }
            guard fractionCount > 0 else { return nil }
        }
        // At most 17 digits: the value fits (the cents of 17 digits of euros may not, see cents(_:_:)).
        guard digits + fractionCount <= 17 else { return nil }
        return (value, fractionCount)
    }

    /// The amount of a field in a common writing (what ``amount(_:)`` gives for it), nil for any other.
    static func fastAmount(_ field: ArraySlice<UInt8>) -> Money? {
        guard let (digits, fractionCount) = fastDigits(field, currency: true) else { return nil }
        return cents(digits, fractionCount)
    }

    /// The amount of `digits` with `fractionCount` decimals, nil beyond two decimals or when the cents overflow
    /// (17 digits of euros times 100 do not fit in 64 bits: the general parser then gives its error).
    static func cents(_ digits: Int64, _ fractionCount: Int) -> Money? {
        switch fractionCount {
        case 2: return Money(cents: digits)
        case 1, 0:
            let (cents, overflow) = digits.multipliedReportingOverflow(by: fractionCount == 1 ? 10 : 100)
            return overflow ? nil : Money(cents: cents)
        default: return nil
        }
    }

    /// The quantity of a field in a common writing (what ``quantity(_:)`` gives for it), nil for any other.
    static func fastQuantity(_ field: ArraySlice<UInt8>) -> Rational? {
        guard let (digits, fractionCount) = fastDigits(field, currency: false) else { return nil }
        if fractionCount == 0 { return Rational(digits) }
        var denominator: Int64 = 1
        for _ in 0..<fractionCount { denominator *= 10 }
        do {
            return try Rational(digits, denominator)
        } catch {
            return nil  // the general path reads the cell again and gives its error
        }
    }

    /// An amount of a table cell: ≥ 0 (printed amounts, realised costs and avances are never negative).
    package static func amount(_ text: String) throws -> Money {
        if let (digits, fractionCount) = fastDigits(text, currency: true), let amount = cents(digits, fractionCount) {
            return amount
        }
        let amount = try Money(parsing: text)
        guard amount.cents >= 0 else { throw DomainError(text: text, expected: "un montant positif ou nul") }
        return amount
    }

    /// A quantity of a table cell: ≥ 0.
    package static func quantity(_ text: String) throws -> Rational {
        if let (digits, fractionCount) = fastDigits(text, currency: false) {
            if fractionCount == 0 { return Rational(digits) }
            var denominator: Int64 = 1
            for _ in 0..<fractionCount { denominator *= 10 }
            return try Rational(digits, denominator)
        }
        let value = try Rational(parsingDecimal: text)
        guard value >= .zero else { throw DomainError(text: text, expected: "une quantité positive ou nulle") }
        return value
    }
}
