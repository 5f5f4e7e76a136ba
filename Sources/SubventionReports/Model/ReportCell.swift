import SubventionCore

/// One value of a table, typed so that each format writes it its own way.
public enum ReportCell: Sendable {
    case text(String)
    case money(Money)
    case date(CalendarDate)
    case quantity(Quantity)
    /// A number without unit (a column of places).
    case number(Rational)
    case integer(Int)
    /// A convention or programme: its id for programs and terminal tables, its title where there is room (HTML).
    case reference(id: String, title: String)
    case empty

    /// Right-aligned in text tables (numbers and amounts).
    var isNumeric: Bool {
        switch self {
        case .money, .quantity, .number, .integer: return true
        case .text, .date, .reference, .empty: return false
        }
    }

    /// For people: `1 466 282,00 €`, `31/03/2025`, `130 places`.
    public var french: String {
        switch self {
        case .text(let text): return text
        case .money(let amount): return amount.french
        case .date(let date): return date.frenchShort
        case .quantity(let quantity): return quantity.description
        case .number(let value): return value.french()
        case .integer(let value): return String(value)
        case .reference(let id, _): return id
        case .empty: return ""
        }
    }

    /// For programs: `1466282.20`, `2025-03-31`, `130`.
    public var machine: String {
        switch self {
        case .text(let text): return text
        case .money(let amount): return amount.machine
        case .date(let date): return date.iso
        case .quantity(let quantity): return quantity.value.machine
        case .number(let value): return value.machine
        case .integer(let value): return String(value)
        case .reference(let id, _): return id
        case .empty: return ""
        }
    }

    /// For a printed page: the title of a reference, else ``french``.
    public var printed: String {
        if case .reference(_, let title) = self { return title }
        return french
    }
}
