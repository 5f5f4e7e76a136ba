/// A computation the engine refuses, with the reason in French.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bilan lacks a figure the settlement needs.
    case missingInput(key: String, label: String, component: String)
    /// A bilan value has the wrong kind or unit for its input.
    case inputMismatch(key: String, expected: String, found: String)
    /// A bilan value for an input the convention does not declare.
    case unknownInput(key: String, declared: [String])
    /// A model parameter (the avance) was not given.
    case missingParameter(key: String, label: String)
    /// An avance share given for rows whose model has no single installment whose amount is a parameter.
    case noAvanceParameter(operation: String)
    /// A majoration above what the convention allows.
    case majorationAboveBound(requested: Money, bound: Money, clause: Clause?)
    /// A majoration given for a convention that has none.
    case majorationNotProvided
    /// A prorata whose objective is zero or negative.
    case invalidObjective(component: String)
    /// A justification charged to a component that is not an envelope.
    case notAnEnvelope(component: String)
    /// The schedule has more than one remainder installment.
    case severalRemainders
    /// A computation given the wrong number of values (a programming error caught, never an unchecked read).
    case valueCount(expected: Int, found: Int, what: String)
    /// Exact arithmetic failed (overflow).
    case arithmetic(ArithmeticError)
    /// Units that do not match (a price per place times ETP).
    case units(UnitMismatchError)

    public var description: String {
        switch self {
        case .missingInput(let key, let label, let component):
            return "le bilan ne donne pas « \(key) » (\(label)), nécessaire au calcul de « \(component) »"
        case .inputMismatch(let key, let expected, let found):
            return "la valeur de « \(key) » doit être \(expected), « \(found) » trouvé"
        case .unknownInput(let key, let declared):
            let list = declared.isEmpty ? "aucune" : declared.joined(separator: ", ")
            return "« \(key) » n'est pas une entrée de la convention (entrées déclarées : \(list))"
        case .missingParameter(let key, let label):
            return "le paramètre « \(key) » (\(label)) n'est pas donné"
        case .noAvanceParameter(let operation):
            return "part d'avance impossible : le modèle de l'opération « \(operation) » n'a pas une (et une seule) "
                + "échéance dont le montant est un paramètre (« montant: parametre … »)"
        case .majorationAboveBound(let requested, let bound, let clause):
            let citation = clause.map { " (\($0))" } ?? ""
            return "majoration refusée : \(requested.french) dépasse le plafond de \(bound.french)\(citation)"
        case .majorationNotProvided:
            return "majoration refusée : la convention ne prévoit pas de majoration"
        case .invalidObjective(let component):
            return "l'objectif du prorata de « \(component) » doit être strictement positif"
        case .notAnEnvelope(let component):
            return "« \(component) » n'est pas une enveloppe justifiée : un justificatif ne peut lui être imputé"
        case .severalRemainders:
            return "l'échéancier a plusieurs échéances « reste » : une seule peut prendre le solde"
        case .valueCount(let expected, let found, let what):
            return "\(found) \(what) données pour \(expected) attendues"
        case .arithmetic(let error):
            return error.description
        case .units(let error):
            return error.description
        }
    }
}
