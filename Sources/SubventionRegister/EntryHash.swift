import Crypto
import SubventionCore

/// The hash chain of the register (chaînage des écritures).
///
/// Each entry's hash is SHA-256 over a canonical text of every stored field, the previous entry's hash included,
/// so that changing, removing or inserting an entry behind the tool's back breaks the chain from that entry on.
/// The canonical text is `subvention/registre 1` then, for each field in a fixed order, `|` and either `-` (NULL)
/// or the field's UTF-8 length, `:` and the field: no two different entries share a text.
public enum EntryHash {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical text hashed for `entry`.
    public static func canonical(
        sequence: Int64, recordedAt: String, author: String, entry: NewEntry, payload: String, previousHash: String
    ) -> String {
        let fields: [String?] = [
            String(sequence), recordedAt, author, entry.kind.rawValue, entry.convention, entry.installment,
            entry.structure, entry.operation, entry.amount.map { String($0.cents) }, entry.date?.iso, entry.number,
            entry.fiscalYear.map(String.init), entry.imputation, entry.motif, payload, previousHash,
        ]
        var text = "subvention/registre 1"
        for field in fields {
            text += "|"
            if let field { text += "\(field.utf8.count):\(field)" } else { text += "-" }
        }
        return text
    }

    /// SHA-256 of `text`, lowercase hexadecimal.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
