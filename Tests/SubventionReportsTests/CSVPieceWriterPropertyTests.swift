import PropertyBased
import SubventionCSV
import SubventionCore
import Testing

@testable import SubventionReports

/// Issue 13: `batch` writes its rows field by field straight into the writer's buffer
/// (``CSVWriter/writeCents(_:first:)``, ``CSVWriter/writeDigits(_:first:)``, ``CSVWriter/writeField(_:first:)``);
/// over generated amounts, whole numbers and texts, in every dialect, the bytes are those of the general path
/// (`CSVRenderer.fields` of the report cells, then ``CSVWriter/write(_:)``).
@Suite("Écriture CSV champ par champ : propriétés")
struct CSVPieceWriterPropertyTests {
    static let dialects = [
        CSVDialect.rfc4180, .excelFrench, CSVDialect(delimiter: .comma, decimalComma: true),
        CSVDialect(delimiter: .tab, lineEnd: "\n", neutralisesFormulas: false),
    ]

    /// Texts made of what changes a field: delimiters, quotes, line ends, formula starts, digits, signs, accents.
    static let alphabet = Array("=+-@\t\r\n\";,. 0123456789aé€\u{A0}")

    @Test("Montants, entiers et textes : les octets du chemin général, dans chaque dialecte")
    func sameBytesAsGeneralPath() async {
        await propertyCheck(
            count: 2_000,
            input: Gen.int64(in: Int64.min...Int64.max), Gen.int64(in: -1_000_000...1_000_000),
            Gen.int64(in: 0...Int64.max), Gen.int(in: 0..<Self.alphabet.count).array(of: 0...8), Gen.int(in: 0..<4)
        ) { cents, smallCents, whole, letters, dialectIndex in
            let field = String(letters.map { Self.alphabet[$0] })
            let dialect = Self.dialects[dialectIndex]
            let cells: [ReportCell] = [
                .money(Money(cents: cents)), .text(field), .money(Money(cents: smallCents)), .number(Rational(whole)),
                .empty, .integer(Int(whole)),
            ]
            var general = CSVWriter(dialect: dialect)
            general.write(CSVRenderer.fields(cells, dialect: dialect))
            var pieces = CSVWriter(dialect: dialect)
            pieces.writeCents(cents, first: true)
            pieces.writeField(field, first: false)
            pieces.writeCents(smallCents, first: false)
            pieces.writeDigits(UInt64(whole), first: false)
            pieces.writeEmptyField(first: false)
            pieces.writeDigits(UInt64(whole), first: false)
            pieces.endRecord()
            #expect(pieces.bytes == general.bytes, "\(cents) \(field.debugDescription) \(dialect)")
            // The same text given as a record's bytes, or encoded once for many records.
            var asBytes = CSVWriter(dialect: dialect)
            asBytes.writeCents(cents, first: true)
            asBytes.writeField(bytes: Array(field.utf8)[...], first: false)
            var encoded = CSVWriter(dialect: dialect)
            encoded.writeCents(cents, first: true)
            encoded.writeEncodedField(encoded.encodedField(field), first: false)
            var asString = CSVWriter(dialect: dialect)
            asString.writeCents(cents, first: true)
            asString.writeField(field, first: false)
            #expect(asBytes.bytes == asString.bytes, "\(field.debugDescription) \(dialect)")
            #expect(encoded.bytes == asString.bytes, "\(field.debugDescription) \(dialect)")
        }
    }

    @Test("Cas limites : 0, −0,01 €, Int64.min, un champ « -12,5 » (nombre, pas de ') et « =1+1 » (neutralisé)")
    func edgeCases() {
        var writer = CSVWriter(dialect: .excelFrench)
        _ = writer.takeBytes()
        writer.writeCents(0, first: true)
        writer.writeCents(-1, first: false)
        writer.writeCents(Int64.min, first: false)
        writer.writeField("-12,5", first: false)
        writer.writeField("=1+1", first: false)
        writer.endRecord()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "0,00;-0,01;-92233720368547758,08;-12,5;'=1+1\r\n")
    }
}
