import SubventionCore
import Yams

extension NodeReader {
    /// A scalar's text; a list or mapping where a single value is expected is an error.
    func text(_ node: Node, what: String) -> String? {
        guard let scalar = node.scalar else {
            error("\(what) : une valeur simple est attendue", at: node)
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: " \t")
        guard !value.isEmpty else {
            error("\(what) : valeur vide", at: node)
            return nil
        }
        return value
    }

    /// An amount, refused when negative: every amount a file gives (payment, avance, price, ceiling, printed
    /// amount, expected figure) is ≥ 0; a reversement is a result of the engine, never an input.
    func money(_ node: Node, what: String) -> Money? {
        guard let text = text(node, what: what) else { return nil }
        do {
            let amount = try Money(parsing: text)
            guard amount.cents >= 0 else {
                error("\(what) : un montant positif ou nul est attendu, « \(text) » trouvé", at: node)
                return nil
            }
            return amount
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    /// A percentage or fraction, refused when it is negative or above `maximum` (100 % by default).
    func rate(_ node: Node, what: String, maximum: Rational? = Rational(1)) -> Rational? {
        guard let text = text(node, what: what) else { return nil }
        do {
            let value: Rational
            if text.contains("/") {
                // An exact fraction as the document writes it: « 34 762 / 74 762 » (of the realised cost).
                let parts = text.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    error("\(what) : une fraction « A / B » est attendue, « \(text) » trouvé", at: node)
                    return nil
                }
                let numerator = try Rational(parsingDecimal: String(parts[0]), suffixes: ["€"])
                let denominator = try Rational(parsingDecimal: String(parts[1]), suffixes: ["€"])
                guard denominator > .zero else {
                    error("\(what) : le dénominateur de « \(text) » doit être positif", at: node)
                    return nil
                }
                value = try numerator.divided(by: denominator)
            } else {
                value = try Rational(parsingPercentage: text)
                if !text.contains("%"), Rational.one < value {
                    error(
                        "\(what) : « \(text) » sans « % » vaudrait \(value.frenchPercentage) ; "
                            + "un nombre sans « % » est une fraction de un : écrivez « \(text) % »", at: node)
                    return nil
                }
            }
            if value < .zero {
                error("\(what) : un pourcentage positif est attendu, « \(text) » trouvé", at: node)
                return nil
            }
            if let maximum, maximum < value {
                error("\(what) : « \(text) » dépasse \(maximum.frenchPercentage), le maximum permis ici", at: node)
                return nil
            }
            return value
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    /// The years a date in a file may fall in: with delays of at most 100 years, every deadline computed from
    /// such dates stays within the calendar (years 1–9999).
    static let yearRange = 1900...2199

    /// A date, refused outside ``yearRange``.
    func date(_ node: Node, what: String) -> CalendarDate? {
        guard let text = text(node, what: what) else { return nil }
        do {
            let date = try CalendarDate(parsing: text)
            guard Self.yearRange.contains(date.year) else {
                error(
                    "\(what) : une date entre \(Self.yearRange.lowerBound) et \(Self.yearRange.upperBound) est attendue, "
                        + "« \(text) » trouvé", at: node)
                return nil
            }
            return date
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    func bool(_ node: Node, what: String) -> Bool? {
        guard let text = text(node, what: what) else { return nil }
        switch text {
        case "true", "oui": return true
        case "false", "non": return false
        default:
            error("\(what) : « true » ou « false » est attendu, « \(text) » trouvé", at: node)
            return nil
        }
    }

    func integer(_ node: Node, what: String) -> Int? {
        guard let text = text(node, what: what) else { return nil }
        guard let value = Int(text.filter { $0 != " " && $0 != "\u{A0}" }), value >= 0 else {
            error("\(what) : un nombre entier est attendu, « \(text) » trouvé", at: node)
            return nil
        }
        return value
    }

    func identifier(_ node: Node, what: String) -> String? {
        guard let text = text(node, what: what) else { return nil }
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            error("\(what) : un identifiant (lettres, chiffres, tirets) est attendu, « \(text) » trouvé", at: node)
            return nil
        }
        return text
    }

    /// A declared unit by singular or plural name.
    func unit(named name: Substring, at node: Node, what: String) -> QuantityUnit? {
        guard let unit = units[String(name)] else {
            let declared = Set(units.values.map(\.name)).sorted()
            error(
                "\(what) : unité « \(name) » non déclarée (unités déclarées sous « unites » : "
                    + "\(declared.isEmpty ? "aucune" : declared.joined(separator: ", ")))",
                at: node)
            return nil
        }
        return unit
    }

    /// A quantity with a declared unit: `130 places`, `1,5 ETP`, `84 934 abonnés`.
    func quantity(_ node: Node, what: String) -> Quantity? {
        guard let text = text(node, what: what) else { return nil }
        guard let split = text.lastIndex(where: { $0 == " " || $0 == "\u{A0}" }) else {
            error("\(what) : une quantité avec son unité est attendue (« 130 places »), « \(text) » trouvé", at: node)
            return nil
        }
        let unitName = text[text.index(after: split)...]
        if unitName == "€" || unitName == "%" {
            error("\(what) : une quantité avec son unité est attendue (« 130 places »), « \(text) » trouvé", at: node)
            return nil
        }
        guard let unit = unit(named: unitName, at: node, what: what) else { return nil }
        do {
            let value = try Rational(parsingDecimal: String(text[..<split]))
            guard value >= .zero else {
                error("\(what) : une quantité positive est attendue", at: node)
                return nil
            }
            return Quantity(value, unit)
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    /// A unit price: `160 €/place`, `0,2049 €/abonné`, `60 000 €/ETP`.
    func unitPrice(_ node: Node, what: String) -> UnitPrice? {
        guard let text = text(node, what: what) else { return nil }
        guard let slash = text.firstRange(of: "€/") else {
            error("\(what) : un prix unitaire est attendu (« 160 €/place »), « \(text) » trouvé", at: node)
            return nil
        }
        let unitName = String(text[slash.upperBound...]).trimmingCharacters(in: " ")
        guard let unit = unit(named: Substring(unitName), at: node, what: what) else { return nil }
        do {
            let euros = try Rational(parsingDecimal: String(text[..<slash.lowerBound]))
            guard euros >= .zero else {
                error("\(what) : un prix unitaire positif ou nul est attendu, « \(text) » trouvé", at: node)
                return nil
            }
            return UnitPrice(euros: euros, per: unit)
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    func offset(_ node: Node, what: String) -> DateOffset? {
        guard let text = text(node, what: what) else { return nil }
        do {
            return try DateOffset(parsing: text)
        } catch {
            self.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    /// A deadline: a date, `{ apres: ANCHOR, delai: DELAY }` or `{ jour: 31/01, annee: N+1 }`.
    func dateRule(_ node: Node, what: String) -> DateRule? {
        if node.scalar != nil {
            return date(node, what: what).map(DateRule.fixed)
        }
        guard let map = mapping(node, allowed: ["apres", "delai", "fin-de-mois", "jour", "annee"], what: what)
        else { return nil }
        if map["jour"] != nil || map["annee"] != nil {
            guard let dayNode = map.required("jour"), let yearNode = map.required("annee"),
                let dayText = text(dayNode, what: "\(what).jour"), let yearText = text(yearNode, what: "\(what).annee")
            else { return nil }
            let parts = dayText.split(separator: "/")
            guard parts.count == 2, let day = CalendarDate.digits(parts[0]), let month = CalendarDate.digits(parts[1]),
                CalendarDate(year: 2024, month: month, day: day) != nil
            else {
                error("\(what).jour : un jour JJ/MM est attendu, « \(dayText) » trouvé", at: dayNode)
                return nil
            }
            guard !(month == 2 && day == 29) else {
                error(
                    "\(what).jour : le 29/02 n'existe pas toutes les années ; écrivez « 28/02 » ou « 01/03 »", at: dayNode)
                return nil
            }
            let maximum = DateRule.maximumYearsAfterPeriodEnd
            var years: Int?
            if yearText == "N" {
                years = 0
            } else if yearText.hasPrefix("N+"), let count = CalendarDate.digits(yearText.dropFirst(2)),
                count <= maximum
            {
                years = count
            }
            guard let years else {
                error(
                    "\(what).annee : « N » ou « N+k » (k de 1 à \(maximum)) est attendu, « \(yearText) » trouvé",
                    at: yearNode)
                return nil
            }
            return .dayOfYear(month: month, day: day, yearsAfterPeriodEnd: years)
        }
        guard let anchorNode = map.required("apres"), let delayNode = map.required("delai"),
            let anchorText = text(anchorNode, what: "\(what).apres")
        else { return nil }
        let anchor: DateAnchor
        do {
            anchor = try DateAnchor(parsing: anchorText)
        } catch {
            self.error("\(what).apres : \(error)", at: anchorNode)
            return nil
        }
        if case .event(let name) = anchor, let known = eventVocabulary, !known.contains(name) {
            error(
                Self.unknownEventMessage(name, known: ["debut-de-periode", "fin-de-periode"] + known, what: "\(what).apres"),
                at: anchorNode)
            return nil
        }
        guard let delay = offset(delayNode, what: "\(what).delai") else { return nil }
        var rule = EndOfMonthRule.clamp
        if let ruleNode = map["fin-de-mois"], let ruleText = text(ruleNode, what: "\(what).fin-de-mois") {
            guard let parsed = EndOfMonthRule(rawValue: ruleText) else {
                error(
                    "\(what).fin-de-mois : « \(EndOfMonthRule.clamp.rawValue) » ou "
                        + "« \(EndOfMonthRule.keepEndOfMonth.rawValue) » est attendu", at: ruleNode)
                return nil
            }
            rule = parsed
        }
        return .after(anchor, delay, endOfMonth: rule)
    }

    /// A clause citation: `{ document, article, lignes, extrait }`.
    func clause(_ node: Node?, what: String) -> Clause? {
        guard let node else { return nil }
        guard let map = mapping(node, allowed: ["document", "article", "lignes", "extrait"], what: "\(what).source")
        else { return nil }
        func field(_ key: String) -> String? {
            map[key].flatMap { text($0, what: "\(what).source.\(key)") }
        }
        return Clause(
            document: field("document") ?? defaultDocument, article: field("article"), lines: field("lignes"),
            excerpt: field("extrait"))
    }

    /// A figure written by the document: `{ valeur: 60 000 €, source: {...} }` or a bare amount.
    func writtenFigure(_ node: Node, what: String) -> WrittenFigure? {
        if node.scalar != nil {
            return money(node, what: what).map { WrittenFigure($0, clause: nil, position: position(of: node)) }
        }
        guard let map = mapping(node, allowed: ["valeur", "source"], what: what),
            let valueNode = map.required("valeur"), let amount = money(valueNode, what: "\(what).valeur")
        else { return nil }
        return WrittenFigure(amount, clause: clause(map["source"], what: what), position: position(of: valueNode))
    }

    func writtenFigures(_ node: Node?, what: String) -> [WrittenFigure] {
        guard let node else { return [] }
        return sequence(node, what: what).enumerated().compactMap { writtenFigure($1, what: "\(what)[\($0 + 1)]") }
    }

    /// `{ regle: au-plus-proche, unite: centime }`.
    func rounding(_ node: Node, what: String) -> RoundingPolicy? {
        guard let map = mapping(node, allowed: ["regle", "unite", "source"], what: what) else { return nil }
        var policy = RoundingPolicy()
        let rules: [String: RoundingRule] = [
            "au-plus-proche": .halfAwayFromZero, "au-pair": .halfEven, "troncature": .towardZero,
            "vers-l-exterieur": .awayFromZero,
        ]
        if let ruleNode = map["regle"], let ruleText = text(ruleNode, what: "\(what).regle") {
            guard let rule = rules[ruleText] else {
                error("\(what).regle : une de \(rules.keys.sorted().joined(separator: ", ")) est attendue", at: ruleNode)
                return nil
            }
            policy.rule = rule
        }
        if let unitNode = map["unite"], let unitText = text(unitNode, what: "\(what).unite") {
            switch unitText {
            case "centime": policy.unit = .cent
            case "euro": policy.unit = .euro
            default:
                error("\(what).unite : « centime » ou « euro » est attendu, « \(unitText) » trouvé", at: unitNode)
                return nil
            }
        }
        return policy
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set)
        var slice = Substring(self)
        while let first = slice.first, scalars.contains(first) { slice.removeFirst() }
        while let last = slice.last, scalars.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension NodeReader {
    /// Whether `key` is a declared input of the expected kind (any quantity when `kind` is nil); reports otherwise.
    func checkInput(_ key: String, expecting kind: InputDeclaration.Kind?, at node: Node, what: String) -> Bool {
        guard let declared = declaredInputs[key] else {
            var message = "\(what) : entrée « \(key) » non déclarée sous « entrees »"
            if let suggestion = Suggestion.closest(to: key, among: Array(declaredInputs.keys)) {
                message += " (vouliez-vous dire « \(suggestion) » ?)"
            }
            error(message, at: node)
            return false
        }
        switch (kind, declared) {
        case (nil, .quantity): return true
        case (nil, .money):
            error("\(what) : « \(key) » est \(declared.frenchDescription), une quantité est attendue", at: node)
            return false
        case (let expected?, _) where expected == declared: return true
        case (let expected?, _):
            error(
                "\(what) : « \(key) » est \(declared.frenchDescription), \(expected.frenchDescription) est attendu"
                    + " (unités incompatibles)", at: node)
            return false
        }
    }
}
