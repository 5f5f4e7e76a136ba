/// How a CSV file is written: separator, line end, BOM, and whether spreadsheet formulas are neutralised.
public struct CSVDialect: Hashable, Sendable {
    public var delimiter: CSVDelimiter
    public var lineEnd: String
    /// Starts the file with a UTF-8 BOM, so that French Excel reads accents right.
    public var byteOrderMark: Bool
    /// Prefixes with `'` a field a spreadsheet would run as a formula (CSV injection).
    public var neutralisesFormulas: Bool
    /// Writes amounts with a decimal comma (`1466282,20`) instead of a point.
    public var decimalComma: Bool

    public init(
        delimiter: CSVDelimiter, lineEnd: String = "\r\n", byteOrderMark: Bool = false,
        neutralisesFormulas: Bool = true, decimalComma: Bool = false
    ) {
        self.delimiter = delimiter
        self.lineEnd = lineEnd
        self.byteOrderMark = byteOrderMark
        self.neutralisesFormulas = neutralisesFormulas
        self.decimalComma = decimalComma
    }

    /// RFC 4180: `,`, CRLF, no BOM, decimal point.
    public static let rfc4180 = CSVDialect(delimiter: .comma)
    /// For French Excel: `;`, CRLF, UTF-8 BOM, decimal comma.
    public static let excelFrench = CSVDialect(delimiter: .semicolon, byteOrderMark: true, decimalComma: true)
}
