/// Renders a report as JSON with stable keys in a fixed order; amounts are machine strings (`"1466282.20"`).
///
/// Written by `JSONValue` (objects keep their keys in the order given here), so the same report always gives the
/// same bytes. The schema and the key order are documented in `docs/report-json.md`.
public struct JSONRenderer: ReportRenderer {
    /// The `format` key of every JSON report.
    public static let format = "subvention/rapport 1"

    public init() {}

    public func render(_ report: Report) -> String {
        Self.json(report).serialized() + "\n"
    }

    public static func json(_ report: Report) -> JSONValue {
        .object([
            ("format", .string(format)), ("rapport", .string(report.kind)), ("titre", .string(report.title)),
            ("sous-titre", .array(report.subtitle.map(JSONValue.string))), ("date", .date(report.asOf)),
            ("sections", .array(report.sections.map(section))),
        ])
    }

    static func section(_ section: ReportSection) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(section.id)), ("titre", .string(section.title))]
        switch section.content {
        case .table(let table):
            pairs.append(("type", .string("tableau")))
            pairs.append(("colonnes", .array(table.columns.map { .object([("cle", .string($0.key)), ("titre", .string($0.title))]) })))
            pairs.append(("lignes", .array(table.fittedRows.map { row(table.columns, $0) })))
            pairs.append(("total", table.fittedTotal.map { row(table.columns, $0) } ?? .null))
        case .paragraphs(let paragraphs):
            pairs.append(("type", .string("paragraphes")))
            pairs.append(("paragraphes", .array(paragraphs.map(JSONValue.string))))
        case .calendar(let calendar):
            pairs.append(("type", .string("calendrier")))
            pairs.append(
                ("mois", .array(calendar.months.map {
                    .object([("mois", .string($0.key)), ("verse", .money($0.paid)), ("echu", .money($0.overdue)), ("a-verser", .money($0.due))])
                })))
            pairs.append(("verse-sans-date", .money(calendar.paidWithoutDate)))
            pairs.append(
                ("sans-date", .array(calendar.undated.map {
                    .object([("condition", .string($0.condition)), ("montant", .money($0.amount)), ("echu", .bool($0.isOverdue))])
                })))
            pairs.append(
                ("total", .object([
                    ("verse", .money(calendar.totalPaid)), ("echu", .money(calendar.totalOverdue)),
                    ("a-verser", .money(calendar.totalToCome)),
                ])))
        }
        return .object(pairs)
    }

    static func row(_ columns: [ReportColumn], _ cells: [ReportCell]) -> JSONValue {
        .object(zip(columns, cells).map { column, cell in (column.key, value(cell)) })
    }

    static func value(_ cell: ReportCell) -> JSONValue {
        switch cell {
        case .empty: return .null
        case .integer(let value): return .integer(value)
        default: return .string(cell.machine)
        }
    }
}
