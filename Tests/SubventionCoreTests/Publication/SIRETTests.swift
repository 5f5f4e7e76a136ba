import PropertyBased
import SubventionCore
import Testing

@Suite("SIRET et RNA : clés et formes vérifiées")
struct SIRETTests {
    @Test("Les SIRET des documents passent la clé de Luhn")
    func documentSIRETs() throws {
        // Département des Alpes-Maritimes (source 001, l. 489 et 5088) ; ADIL du Nord et du Pas-de-Calais (003, l. 998).
        #expect(try SIRET(parsing: "220 600 019 000 16").digits == "22060001900016")
        #expect(try SIRET(parsing: "34309733300078").digits == "34309733300078")
    }

    @Test("Une clé fausse, une longueur fausse, une lettre : refusés")
    func refused() {
        #expect(throws: SIRET.SyntaxError.badChecksum("22060001900017")) { try SIRET(parsing: "22060001900017") }
        #expect(throws: SIRET.SyntaxError.notFourteenDigits("2206000190001")) { try SIRET(parsing: "2206000190001") }
        #expect(throws: SIRET.SyntaxError.notFourteenDigits("2206000190001A")) { try SIRET(parsing: "2206000190001A") }
        #expect(SIRET("") == nil)
    }

    @Test("Pour 13 chiffres, exactement une clé sur dix est valide ; changer un chiffre d'un SIRET valide le rend invalide")
    func luhnProperties() async {
        await propertyCheck(
            count: 2_000,
            input: Gen.int(in: 0...9).array(of: 13...13), Gen.int(in: 0..<14), Gen.int(in: 1...9)
        ) { digits, position, change in
            let body = digits.map(String.init).joined()
            let valid = (0...9).filter { SIRET(body + String($0)) != nil }
            #expect(valid.count == 1)
            guard let key = valid.first else { return }
            var changed = Array(body + String(key))
            let digit = Int(String(changed[position]))!
            changed[position] = Character(String((digit + change) % 10))
            #expect(SIRET(String(changed)) == nil, "\(body)\(key) → \(String(changed))")
        }
    }

    @Test("RNA : « W » et 9 chiffres")
    func rna() {
        #expect((try? RNA(parsing: "W621000123"))?.text == "W621000123")
        for wrong in ["W62100012", "W6210001234", "w621000123", "X621000123", "W62100012A", ""] {
            #expect(throws: RNA.SyntaxError.self, "\(wrong)") { try RNA(parsing: wrong) }
        }
    }
}
