import Testing

@testable import SubventionCSV

/// A streamed file is cut after the last line end outside quotes of each chunk (``CSVReader/lastRecordEnd(in:)``):
/// the fast search of a chunk without quotes and the quote-aware scan agree, and both give the reference.
@Suite("Fin du dernier enregistrement d'un morceau")
struct ChunkBoundaryTests {
    /// The reference: line ends outside quotes, counted byte by byte.
    static func reference(_ bytes: [UInt8]) -> (index: Int, lines: Int)? {
        var quoted = false
        var result: (Int, Int)?
        var lines = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x0A {
                lines += 1
                if !quoted { result = (index, lines) }
            }
        }
        return result
    }

    @Test("20 000 morceaux tirés de a ; guillemet, LF, CR (avec ou sans guillemets) : le résultat de référence")
    func sameAsReference() {
        let alphabet: [UInt8] = [0x61, 0x3B, 0x22, 0x0A, 0x0D, 0x61, 0x61]
        var state: UInt64 = 2023
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for case_ in 0..<20_000 {
            let withQuotes = case_ % 2 == 0
            let bytes = (0..<next(200)).map { _ -> UInt8 in
                let byte = alphabet[next(alphabet.count)]
                return !withQuotes && byte == 0x22 ? 0x61 : byte
            }
            let found = CSVReader.lastRecordEnd(in: bytes)
            let expected = Self.reference(bytes)
            #expect(found?.index == expected?.index && found?.lines == expected?.lines, "\(bytes)")
        }
        #expect(CSVReader.lastRecordEnd(in: []) == nil)
        #expect(CSVReader.lastRecordEnd(in: Array("a;b".utf8)) == nil)
        #expect(CSVReader.lastRecordEnd(in: Array("a\nb\nc".utf8))?.index == 3)
    }
}
