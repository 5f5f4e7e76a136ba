import SubventionCore
import Yams

extension ConventionReader {
    static let publicationKeys = [
        "nom-attribuant", "siret-attribuant", "siret-beneficiaire", "rna-beneficiaire", "date-convention",
        "reference-decision", "nature", "conditions-versement", "dates-versement", "id-rae", "notification-ue",
        "dispositif",
    ]

    /// `publication:` of a convention, or of a programme (`beneficiaires:` allowed): the essential data for
    /// open data, each value checked here (SIRET with its Luhn key, RNA, dates, lengths, enums).
    func publication(_ node: Node, what: String, programme: Bool = false) -> Publication {
        var publication = Publication()
        let allowed = Self.publicationKeys + (programme ? ["beneficiaires"] : [])
        guard let map = reader.mapping(node, allowed: allowed, what: what) else { return publication }
        publication.grantorName = map["nom-attribuant"].flatMap { limited($0, what: "\(what).nom-attribuant") }
        publication.grantorSIRET = map["siret-attribuant"].flatMap { siret($0, what: "\(what).siret-attribuant") }
        publication.beneficiarySIRET = map["siret-beneficiaire"].flatMap { siret($0, what: "\(what).siret-beneficiaire") }
        publication.beneficiaryRNA = map["rna-beneficiaire"].flatMap { rna($0, what: "\(what).rna-beneficiaire") }
        publication.conventionDate = map["date-convention"].flatMap { reader.date($0, what: "\(what).date-convention") }
        publication.decisionReference = map["reference-decision"].flatMap {
            limited($0, what: "\(what).reference-decision")
        }
        if let node = map["nature"], let text = reader.text(node, what: "\(what).nature") {
            if let nature = Publication.Nature(rawValue: text) {
                publication.nature = nature
            } else {
                let expected = Publication.Nature.allCases.map { "« \($0.rawValue) »" }.joined(separator: ", ")
                reader.error("\(what).nature : \(expected) est attendu, « \(text) » trouvé", at: node)
            }
        }
        publication.paymentConditions = map["conditions-versement"].flatMap {
            limited($0, what: "\(what).conditions-versement")
        }
        publication.paymentDates = map["dates-versement"].flatMap { paymentDates($0, what: "\(what).dates-versement") }
        publication.raeID = map["id-rae"].flatMap { limited($0, what: "\(what).id-rae", maximum: 5) }
        publication.notifiedToEU = map["notification-ue"].flatMap { reader.bool($0, what: "\(what).notification-ue") }
        publication.aidScheme = map["dispositif"].flatMap { limited($0, what: "\(what).dispositif") }
        if let node = map["beneficiaires"] { publication.beneficiaries = beneficiaries(node, what: "\(what).beneficiaires") }
        return publication
    }

    /// `- { structure: NOM, siret: …, rna: …, date-convention: … }`, the structure named as in the table.
    func beneficiaries(_ node: Node, what: String) -> [String: Publication.Beneficiary] {
        var result: [String: Publication.Beneficiary] = [:]
        for (index, item) in reader.sequence(node, what: what).enumerated() {
            let path = "\(what)[\(index + 1)]"
            guard let map = reader.mapping(item, allowed: ["structure", "siret", "rna", "date-convention"], what: path),
                let nameNode = map.required("structure"), let name = reader.text(nameNode, what: "\(path).structure")
            else { continue }
            guard result[name] == nil else {
                reader.error("\(path).structure : « \(name) » est déjà donnée", at: nameNode)
                continue
            }
            result[name] = Publication.Beneficiary(
                siret: map["siret"].flatMap { siret($0, what: "\(path).siret") },
                rna: map["rna"].flatMap { rna($0, what: "\(path).rna") },
                conventionDate: map["date-convention"].flatMap { reader.date($0, what: "\(path).date-convention") })
        }
        return result
    }

    func siret(_ node: Node, what: String) -> SIRET? {
        guard let text = reader.text(node, what: what) else { return nil }
        do {
            return try SIRET(parsing: text)
        } catch {
            reader.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    func rna(_ node: Node, what: String) -> RNA? {
        guard let text = reader.text(node, what: what) else { return nil }
        do {
            return try RNA(parsing: text)
        } catch {
            reader.error("\(what) : \(error)", at: node)
            return nil
        }
    }

    /// Text of at most `maximum` characters (256 in the SCDL).
    func limited(_ node: Node, what: String, maximum: Int = 256) -> String? {
        guard let text = reader.text(node, what: what) else { return nil }
        guard text.count <= maximum else {
            reader.error("\(what) : \(text.count) caractères, au plus \(maximum) sont permis", at: node)
            return nil
        }
        return text
    }

    /// `2024-06-01` or `2024-06-01/2025-06-30`.
    func paymentDates(_ node: Node, what: String) -> Publication.PaymentDates? {
        guard let text = reader.text(node, what: what) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            reader.error("\(what) : une date AAAA-MM-JJ ou une période AAAA-MM-JJ/AAAA-MM-JJ est attendue", at: node)
            return nil
        }
        var dates: [CalendarDate] = []
        for part in parts {
            // Optional lookup: an invalid date is reported just below with its position.
            guard part.count == 10, let date = try? CalendarDate(parsing: String(part)), date.iso == part else {
                reader.error("\(what) : « \(part) » n'est pas une date AAAA-MM-JJ", at: node)
                return nil
            }
            dates.append(date)
        }
        guard dates[0] <= dates[dates.count - 1] else {
            reader.error("\(what) : la fin de la période précède son début", at: node)
            return nil
        }
        return Publication.PaymentDates(first: dates[0], last: dates[dates.count - 1])
    }
}
