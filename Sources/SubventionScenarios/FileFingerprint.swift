import Crypto
import Foundation

/// The content hash that pins a convention file in a scenario: `sha256:` and 64 hex digits.
public enum FileFingerprint {
    /// The fingerprint of a file's bytes, or nil when it cannot be read.
    public static func of(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return of(bytes: [UInt8](data))
    }

    /// The fingerprint of `bytes`.
    public static func of(bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
