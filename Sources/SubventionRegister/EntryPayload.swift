import Foundation

/// What an entry carries besides its columns (charge utile), stored as canonical JSON (sorted keys).
///
/// - `evenement`: the event name;
/// - `valeurs`: the realised values of a bilan as written (`"130 000 €"`, `"2 ETP"`), read back against the
///   convention by the bilan reader;
/// - `composante`, `libelle`: a justificatif; `parametre`: a parameter's key;
/// - `annule`: the sequence number an annulation reverses; `depassement`: a versement recorded above its ceiling;
/// - `source`: the file an entry was imported from.
public struct EntryPayload: Hashable, Sendable, Codable {
    public var event: String?
    public var values: [String: String]?
    public var component: String?
    public var label: String?
    public var parameter: String?
    public var cancels: Int64?
    public var overrun: Bool?
    public var source: String?

    enum CodingKeys: String, CodingKey {
        case event = "evenement"
        case values = "valeurs"
        case component = "composante"
        case label = "libelle"
        case parameter = "parametre"
        case cancels = "annule"
        case overrun = "depassement"
        case source
    }

    public init(
        event: String? = nil, values: [String: String]? = nil, component: String? = nil, label: String? = nil,
        parameter: String? = nil, cancels: Int64? = nil, overrun: Bool? = nil, source: String? = nil
    ) {
        self.event = event
        self.values = values
        self.component = component
        self.label = label
        self.parameter = parameter
        self.cancels = cancels
        self.overrun = overrun
        self.source = source
    }

    /// Canonical JSON: sorted keys, no slashes escaped, absent fields left out.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and booleans cannot fail; if it ever did, no hash may be made of a stand-in.
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            preconditionFailure("registre : une écriture n'a pu être encodée (\(error))")
        }
    }

    /// Reads a stored payload.
    /// - Throws: ``RegisterError/corrupt(_:)`` when the text is not a payload.
    public init(json: String, sequence: Int64) throws(RegisterError) {
        do {
            self = try JSONDecoder().decode(EntryPayload.self, from: Data(json.utf8))
        } catch {
            throw .corrupt("écriture n° \(sequence) : charge utile illisible (\(json))")
        }
    }
}
