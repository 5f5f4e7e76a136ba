import SubventionCSV
import SubventionCore
import Yams

extension ProgrammeReader {
    static let columnKeys = ["operation", "territoire", "structure", "quantite", "montant", "ligne-source"]

    /// Reads `tableau: { fichier, colonnes, valeurs, parametres }` and the rows of the file.
    ///
    /// Returns the rows and the table's name as the programme writes it (reports show that name); diagnostics name
    /// the path actually read.
    /// Also returns the table's layout (``ProgrammeTableLayout``), with which `batch` streams a table.
    func table(_ node: Node, programme: Programme) -> ([ProgrammeRow], String?, ProgrammeTableLayout?) {
        let what = "programme.tableau"
        guard
            let map = reader.mapping(node, allowed: ["fichier", "colonnes", "valeurs", "parametres", "source"], what: what),
            let fileNode = map.required("fichier"), let name = reader.text(fileNode, what: "\(what).fichier"),
            let columnsNode = map.required("colonnes"),
            let columnsMap = reader.mapping(columnsNode, allowed: Self.columnKeys, what: "\(what).colonnes")
        else { return ([], nil, nil) }
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
            return ([], name, nil)
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
        else { return ([], name, nil) }
        let quantityColumn = columns["quantite"].flatMap(index)
        let sourceLineColumn = columns["ligne-source"].flatMap(index)
        // Value and parameter columns are optional: a table without realised figures is still a table.
        let layout = ProgrammeTableLayout(
            programme: programme, file: file, operation: operationColumn, territory: territoryColumn,
            structure: structureColumn, amount: amountColumn, quantity: quantityColumn, sourceLine: sourceLineColumn,
            values: valueColumns.compactMap { key, name in table.column(named: name).map { (key, $0) } },
            parameters: parameterColumns.compactMap { key, name in table.column(named: name).map { (key, $0) } },
            fieldCount: table.header.count, delimiter: table.delimiter)
        var rows: [ProgrammeRow] = []
        for record in table.records {
            let row = layout.row(record.fields, line: record.line) { column, message in
                reader.diagnostics(appending: Diagnostic(
                    severity: .error, file: file, line: record.line, column: column, message: message))
            }
            if let row { rows.append(row) }
        }
        return (rows, name, layout)
    }

    /// An amount of a table cell: ≥ 0 (see ``TableCell``).
    static func amount(_ text: String) throws -> Money { try TableCell.amount(text) }

    /// A quantity of a table cell: ≥ 0 (see ``TableCell``).
    static func quantity(_ text: String) throws -> Rational { try TableCell.quantity(text) }

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
