import SubventionCSV
import SubventionCore

/// Where a programme's structures table (« tableau des structures ») keeps each figure, and how a record becomes a
/// ``ProgrammeRow``: the one reader of table records, used when the table is read whole (``ConventionFiles``) and
/// when `batch` streams it, so both accept and refuse the same cells with the same messages.
package struct ProgrammeTableLayout: Sendable {
    let programme: Programme
    /// The file the records come from (diagnostics name it).
    package let file: String
    let operation: Int
    let territory: Int
    let structure: Int
    let amount: Int
    let quantity: Int?
    let sourceLine: Int?
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
    package func row(
        _ fields: [String], line: Int, report: (_ column: Int, _ message: String) -> Void
    ) -> ProgrammeRow? {
        let operationLabel = fields[operation]
        guard let operation = programme.operation(forTableLabel: operationLabel) else {
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
        let model = programme.models[operation.model]?.terms
        for (key, column) in values where !fields[column].isEmpty {
            guard let input = model?.inputs.first(where: { $0.key == key }) else {
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
package enum TableCell {
    /// An amount of a table cell: ≥ 0 (printed amounts, realised costs and avances are never negative).
    package static func amount(_ text: String) throws -> Money {
        let amount = try Money(parsing: text)
        guard amount.cents >= 0 else { throw DomainError(text: text, expected: "un montant positif ou nul") }
        return amount
    }

    /// A quantity of a table cell: ≥ 0.
    package static func quantity(_ text: String) throws -> Rational {
        let value = try Rational(parsingDecimal: text)
        guard value >= .zero else { throw DomainError(text: text, expected: "une quantité positive ou nulle") }
        return value
    }
}
