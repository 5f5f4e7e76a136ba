/// The formats every report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned French text for the terminal.
    case text
    /// Stable JSON for programs (see `docs/report-json.md`).
    case json
    /// One table as CSV (RFC 4180, or Excel-FR with `;`, comma decimals and a BOM).
    case csv
    /// One table as JSON lines: one object per row, then the total (see ``JSONLinesRenderer``).
    case jsonl
    /// GitHub Markdown tables.
    case markdown
    /// One self-contained printable HTML page with an SVG payment calendar.
    case html
    /// An Excel workbook (Office Open XML): one sheet per section, amounts as numbers in euros.
    case xlsx
}
