import SubventionCSV
import SubventionCore
import Yams

extension ProgrammeReader {
    static let columnKeys = ["operation", "territoire", "structure", "quantite", "montant", "ligne-source"]

    /// Reads `tableau: { fichier, colonnes, valeurs, parametres }` and the rows of the file.
    ///
    /// Returns the rows and the table's name as the programme writes it (reports show that name); diagnostics name
    /// the path actually read.
    func table(_ node: Node, programme: Programme) -> ([ProgrammeRow], String?) {
        let what = "programme.tableau"
        guard
            let map = reader.mapping(node, allowed: ["fichier", "colonnes", "valeurs", "parametres", "source"], what: what),
            let fileNode = map.required("fichier"), let name = reader.text(fileNode, what: "\(what).fichier"),
            let columnsNode = map.required("colonnes"),
            let columnsMap = reader.mapping(columnsNode, allowed: Self.columnKeys, what: "\(what).colonnes")
        else { return ([], nil) }
        var columns: [String: String] = [:]
        for key in Self.columnKeys {
            if let node = ["quantite", "ligne-source"].contains(key) ? columnsMap[key] : columnsMap.required(key),
                let name = reader.text(node, what: "\(what).colonnes.\(key)")
            {
                columns[key] = name
            }
        }
        let valueColumns = namedColumns(map["valeurs"], what: "\(what).valeurs")
        let parameterColumns = namedColumns(map["parametres"], what: "\(what).parametres")
        // Diagnostics name the file actually read (`batch --table FILE` reads FILE).
        var file = name
        let table: CSVTable
        do {
            let read = try readTable(name)
            file = read.path
            table = try CSVReader.table(bytes: read.bytes, file: file)
        } catch {
            reader.diagnostics(appending: Diagnostic(
                severity: .error, file: error.file ?? file, line: error.line, column: error.column, message: error.message))
            return ([], name)
        }
        func index(_ name: String) -> Int? {
            guard let index = table.column(named: name) else {
                reader.error("\(what).colonnes : colonne « \(name) » absente de \(file) (colonnes : \(table.header.joined(separator: ", ")))", at: columnsNode)
                return nil
            }
            return index
        }
        guard let operationColumn = columns["operation"].flatMap(index), let territoryColumn = columns["territoire"].flatMap(index),
            let structureColumn = columns["structure"].flatMap(index), let amountColumn = columns["montant"].flatMap(index)
        else { return ([], name) }
        let quantityColumn = columns["quantite"].flatMap(index)
        let sourceLineColumn = columns["ligne-source"].flatMap(index)
        // Value and parameter columns are optional: a table without realised figures is still a table.
        let values = valueColumns.compactMap { key, name in table.column(named: name).map { (key, $0) } }
        let parameters = parameterColumns.compactMap { key, name in table.column(named: name).map { (key, $0) } }
        var rows: [ProgrammeRow] = []
        for record in table.records {
            func fail(_ column: Int, _ message: String) {
                reader.diagnostics(appending: Diagnostic(
                    severity: .error, file: file, line: record.line, column: column + 1, message: message))
            }
            let operationLabel = record.fields[operationColumn]
            guard let operation = programme.operation(forTableLabel: operationLabel) else {
                fail(operationColumn, "opération « \(operationLabel) » inconnue du programme (ajoutez-la à « libelles-tableau »)")
                continue
            }
            let amount: Money
            do {
                amount = try Self.amount(record.fields[amountColumn])
            } catch {
                fail(amountColumn, "montant : \(error)")
                continue
            }
            var quantity: Rational?
            if let quantityColumn, !record.fields[quantityColumn].isEmpty {
                do {
                    quantity = try Self.quantity(record.fields[quantityColumn])
                } catch {
                    fail(quantityColumn, "quantité : \(error)")
                    continue
                }
            }
            var row = ProgrammeRow(
                line: record.line, operation: operationLabel, territory: record.fields[territoryColumn],
                structure: record.fields[structureColumn], quantity: quantity, declaredAmount: amount)
            row.sourceLine = sourceLineColumn.map { record.fields[$0] }
            let model = programme.models[operation.model]?.terms
            for (key, column) in values where !record.fields[column].isEmpty {
                guard let input = model?.inputs.first(where: { $0.key == key }) else {
                    fail(column, "entrée « \(key) » inconnue du modèle « \(operation.model) »")
                    continue
                }
                do {
                    switch input.kind {
                    case .money: row.values[key] = .money(try Self.amount(record.fields[column]))
                    case .quantity(let unit):
                        row.values[key] = .quantity(Quantity(try Self.quantity(record.fields[column]), unit))
                    }
                } catch {
                    fail(column, "\(key) : \(error)")
                }
            }
            for (key, column) in parameters where !record.fields[column].isEmpty {
                do {
                    row.parameters[key] = try Self.amount(record.fields[column])
                } catch {
                    fail(column, "\(key) : \(error)")
                }
            }
            rows.append(row)
        }
        return (rows, name)
    }

    /// An amount of a table cell: ≥ 0 (printed amounts, realised costs and avances are never negative).
    static func amount(_ text: String) throws -> Money {
        let amount = try Money(parsing: text)
        guard amount.cents >= 0 else { throw DomainError(text: text, expected: "un montant positif ou nul") }
        return amount
    }

    /// A quantity of a table cell: ≥ 0.
    static func quantity(_ text: String) throws -> Rational {
        let value = try Rational(parsingDecimal: text)
        guard value >= .zero else { throw DomainError(text: text, expected: "une quantité positive ou nulle") }
        return value
    }

    /// `{ key: column-name }` for value and parameter columns.
    func namedColumns(_ node: Node?, what: String) -> [(String, String)] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            reader.error("\(what) : un dictionnaire (clé: nom de colonne) est attendu", at: node)
            return []
        }
        return pairs.compactMap { keyNode, value in
            guard let key = reader.identifier(keyNode, what: what), let name = reader.text(value, what: "\(what).\(key)")
            else { return nil }
            return (key, name)
        }
    }
}
