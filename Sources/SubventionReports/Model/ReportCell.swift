import SubventionCore

/// One value of a table, typed so that each format writes it its own way.
public enum ReportCell: Sendable {
    case text(String)
    /// A thing known by an id that programs keep and a label people read: a convention's id and its title. JSON and
    /// CSV write the id, text, Markdown and HTML the label.
    case labelled(id: String, label: String)
    case money(Money)
    case date(CalendarDate)
    case quantity(Quantity)
    /// A number without unit (a column of places).
    case number(Rational)
    case integer(Int)
    case empty

    /// Right-aligned in text tables (numbers and amounts).
    var isNumeric: Bool {
        switch self {
        case .money, .quantity, .number, .integer: return true
        case .text, .labelled, .date, .empty: return false
        }
    }

    /// For people: `1 466 282,00 €`, `31/03/2025`, `130 places`.
    public var french: String {
        switch self {
        case .text(let text): return text
        case .labelled(_, let label): return label
        case .money(let amount): return amount.french
        case .date(let date): return date.frenchShort
        case .quantity(let quantity): return quantity.description
        case .number(let value): return value.french()
        case .integer(let value): return String(value)
        case .empty: return ""
        }
    }

    /// For programs: `1466282.20`, `2025-03-31`, `130`.
    public var machine: String {
        switch self {
        case .text(let text): return text
        case .labelled(let id, _): return id
        case .money(let amount): return amount.machine
        case .date(let date): return date.iso
        case .quantity(let quantity): return quantity.value.machine
        case .number(let value): return value.machine
        case .integer(let value): return String(value)
        case .empty: return ""
        }
    }
}
