import Foundation
import SubventionCore

/// What the register says happened under one convention or programme row (situation enregistrée): the entries
/// still in force (not annulled), folded in order.
///
/// It turns into the text of a bilan (``bilanDocument``) that the bilan reader reads against the convention like a
/// bilan file: the register and the files produce the same model, and the engine is the same.
public struct RecordedSituation: Hashable, Sendable {
    public var target: RecordTarget
    public var events: [String: CalendarDate] = [:]
    public var values: [String: String] = [:]
    public var payments: [RegisterEntry] = []
    public var majoration: Money?
    public var justifications: [RegisterEntry] = []
    public var parameters: [String: Money] = [:]
    public var receiptOrders: [RegisterEntry] = []
    /// The entries folded (in force), for the header of a bilan read from the register.
    public var entryCount = 0

    public init(target: RecordTarget) {
        self.target = target
    }

    /// Folds one entry in force.
    mutating func apply(_ recorded: RegisterEntry) {
        let entry = recorded.entry
        entryCount += 1
        switch entry.kind {
        case .payment: payments.append(recorded)
        case .event:
            if let name = entry.payload.event, let date = entry.date { events[name] = date }
        case .results:
            for (key, value) in entry.payload.values ?? [:] { values[key] = value }
        case .majoration: majoration = entry.amount
        case .justification: justifications.append(recorded)
        case .parameter:
            if let key = entry.payload.parameter, let amount = entry.amount { parameters[key] = amount }
        case .receiptOrder: receiptOrders.append(recorded)
        case .cancellation: break
        }
    }

    /// The versements in force as the engine's payments, checked as the bilan reader checks a file's: an amount,
    /// and an échéance of `terms`.
    /// - Throws: ``RegisterError/corrupt(_:)`` naming the entry.
    public func paymentModels(for terms: Convention) throws(RegisterError) -> [Payment] {
        let ids = Set(terms.installmentIDs)
        var result: [Payment] = []
        for recorded in payments {
            guard let amount = recorded.entry.amount else {
                throw .corrupt("écriture n° \(recorded.sequence) : versement sans montant")
            }
            if let installment = recorded.entry.installment, !ids.contains(installment) {
                throw .corrupt(
                    "écriture n° \(recorded.sequence) : versement « \(installment) » inconnu de l'échéancier de « \(terms.id) » (\(terms.installmentIDs.joined(separator: ", ")))")
            }
            result.append(Payment(installment: recorded.entry.installment, amount: amount, date: recorded.entry.date))
        }
        return result
    }

    /// Σ of the versements in force.
    public func paid() throws -> Money { try payments.compactMap(\.entry.amount).sum() }

    /// Σ of the versements in force on `installment`.
    public func paid(on installment: String) throws -> Money {
        try payments.filter { $0.entry.installment == installment }.compactMap(\.entry.amount).sum()
    }

    /// Σ of the titres de recettes in force.
    public func claimed() throws -> Money { try receiptOrders.compactMap(\.entry.amount).sum() }

    /// The situation as a bilan file's text (`format: subvention/bilan 1`), in YAML's JSON form so that every value
    /// is quoted: amounts in the machine form (`48000.00`), dates ISO.
    public var bilanDocument: String { bilanDocument(includingPayments: true) }

    /// The bilan's text without its versements when `includingPayments` is false: they are already typed (cents,
    /// ISO dates), and a register of 100 000 versements would otherwise be written and parsed again as YAML; see
    /// ``paymentModels(for:)``.
    public func bilanDocument(includingPayments: Bool) -> String {
        var bilan: [String: Any] = ["convention": target.convention]
        if let structure = target.structure { bilan["structure"] = structure }
        if let operation = target.operation { bilan["operation"] = operation }
        if !events.isEmpty { bilan["evenements"] = events.mapValues(\.iso) }
        if !values.isEmpty { bilan["valeurs"] = values }
        if includingPayments, !payments.isEmpty {
            bilan["versements"] = payments.map { recorded -> [String: String] in
                var item = ["montant": (recorded.entry.amount ?? .zero).machine]
                if let installment = recorded.entry.installment { item["echeance"] = installment }
                if let date = recorded.entry.date { item["date"] = date.iso }
                return item
            }
        }
        if let majoration { bilan["majoration"] = majoration.machine }
        if !justifications.isEmpty {
            bilan["justificatifs"] = justifications.map { recorded -> [String: String] in
                var item = [
                    "composante": recorded.entry.payload.component ?? "",
                    "montant": (recorded.entry.amount ?? .zero).machine,
                    "date": recorded.entry.date?.iso ?? "",
                ]
                if let label = recorded.entry.payload.label { item["libelle"] = label }
                return item
            }
        }
        if !parameters.isEmpty { bilan["parametres"] = parameters.mapValues(\.machine) }
        let document: [String: Any] = ["format": "subvention/bilan 1", "bilan": bilan]
        // Strings, arrays and dictionaries of strings always serialise; if they ever did not, no bilan is made up.
        do {
            let data = try JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("registre : la situation n'a pu être écrite (\(error))")
        }
    }
}
