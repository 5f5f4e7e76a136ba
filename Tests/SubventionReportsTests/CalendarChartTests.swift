import Foundation
import SubventionCore
import Testing

@testable import SubventionReports

@Suite("Graphique du calendrier : axe des mois continu, échelle en euros, montants écrits, échu, aujourd'hui, sans date")
struct CalendarChartTests {
    /// Paid in January 2025 (the Flash Emploi advance, 751 400 €), échu in April (35 475 €, Besançon's solde),
    /// to come in July (86 895,72 €); 12 000 € waiting for a bilan without a date; today 15 May 2025.
    static func calendar() throws -> PaymentCalendar {
        try PaymentCalendar(
            months: [
                .init(year: 2025, month: 1, paid: Money(cents: 75_140_000), due: .zero),
                .init(year: 2025, month: 4, paid: .zero, due: .zero, overdue: Money(cents: 3_547_500)),
                .init(year: 2025, month: 7, paid: .zero, due: Money(cents: 8_689_572)),
            ],
            undated: [.init(condition: "en attente de réception du bilan", amount: Money(cents: 1_200_000))])
    }

    static func attribute(_ name: String, in element: Substring) -> String? {
        let element = " " + element
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        return String(element[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Every opening tag of `name` with its attributes, in order.
    static func tags(_ name: String, in svg: String) -> [Substring] {
        svg.components(separatedBy: "<\(name) ").dropFirst().map { $0.prefix { $0 != ">" } }
    }

    @Test("Un repère par mois du premier au dernier, dans l'ordre, mois vides compris")
    func continuousMonths() throws {
        let svg = CalendarChart.svg(try Self.calendar(), today: CalendarDate(year: 2025, month: 5, day: 15))
        let months = Self.tags("g", in: svg).compactMap { Self.attribute("data-mois", in: $0) }
        #expect(months == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"])
        // One month label per month, each under its slot, 40 px apart.
        let labels = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil."]
        for (index, label) in labels.enumerated() {
            #expect(svg.contains("<text x=\"\(116 + 40 * index)\" y=\"320\" text-anchor=\"middle\">\(label)</text>"), "\(label)")
        }
    }

    @Test("Un axe des montants : graduations de 1, 2 ou 5 × 10ⁿ €, la dernière au-dessus du plus grand mois, hauteurs à l'échelle")
    func amountAxis() throws {
        let svg = CalendarChart.svg(try Self.calendar())
        let graduations = Self.tags("text", in: svg).compactMap { Self.attribute("data-centimes", in: $0) }.compactMap { Int64($0) }
        // 751 400 € is the largest bar: steps of 200 000 € up to 800 000 €.
        #expect(graduations == [0, 20_000_000, 40_000_000, 60_000_000, 80_000_000])
        #expect(svg.contains(">200\u{A0}000\u{A0}€</text>"))
        #expect(svg.contains(">800\u{A0}000\u{A0}€</text>"))
        // 751 400 € of 800 000 € over 200 px: 187 px; échu 35 475 €: 8 px.
        let rects = Self.tags("rect", in: svg)
        let paid = try #require(rects.first { Self.attribute("class", in: $0) == "verse" })
        #expect(Self.attribute("height", in: paid) == "187")
        let overdue = try #require(rects.first { Self.attribute("class", in: $0) == "echu" })
        #expect(Self.attribute("height", in: overdue) == "8")
        #expect(Self.attribute("fill", in: overdue) == CalendarChart.overdueColour)
        #expect(CalendarChart.overdueColour != CalendarChart.dueColour && CalendarChart.overdueColour != CalendarChart.paidColour)
    }

    @Test("L'échelle couvre toujours le plus grand mois avec au plus 5 graduations (propriété, 2 000 cas)")
    func scaleProperty() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<2_000 {
            let largest = 1 + Int128(Int64.random(in: 1...Int64.max, using: &generator) >> Int64.random(in: 0...60, using: &generator))
            let (step, ticks) = CalendarChart.scale(largest)
            #expect(ticks >= 1 && ticks <= CalendarChart.maximumTicks)
            #expect(step * Int128(ticks) >= largest, "\(largest)")
            #expect(step * Int128(ticks - 1) < largest, "\(largest)")
            var mantissa = step
            while mantissa % 10 == 0 && mantissa > 9 { mantissa /= 10 }
            #expect([1, 2, 5].contains(mantissa) && step >= 100, "\(step)")
        }
    }

    @Test("Montants écrits au-dessus des barres, « sans date » à part, repère « aujourd'hui » à sa date")
    func printedAmountsTodayUndated() throws {
        let svg = CalendarChart.svg(try Self.calendar(), today: CalendarDate(year: 2025, month: 5, day: 15))
        for amount in ["751\u{A0}400,00\u{A0}€", "35\u{A0}475,00\u{A0}€", "86\u{A0}895,72\u{A0}€", "12\u{A0}000,00\u{A0}€"] {
            #expect(svg.contains(" transform=\"rotate(-90 ") && svg.contains(">\(amount)</text>"), "\(amount)")
        }
        #expect(svg.contains("<g class=\"sans-date\">"))
        #expect(svg.contains(">sans date</text>"))
        #expect(svg.contains("fill=\"\(CalendarChart.undatedColour)\"><title>Sans date : 12\u{A0}000,00\u{A0}€ à venir, sans date</title>"))
        // May is the 5th slot (x from 256 to 296); the 15th is 14/31 of the way: 256 + 14 × 40 / 31 = 274.
        #expect(svg.contains("<line class=\"aujourdhui\" x1=\"274\" y1=\"18\" x2=\"274\" y2=\"304\""))
        #expect(svg.contains(">aujourd'hui (15/05/2025)</text>"))
        let later = CalendarChart.svg(try Self.calendar(), today: CalendarDate(year: 2026, month: 1, day: 2))
        #expect(later.contains(">aujourd'hui (02/01/2026) : après le dernier mois du calendrier</text>"))
        #expect(!later.contains("<line class=\"aujourdhui\""))
    }
}

/// SplitMix64: reproducible random numbers for the scale property.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
