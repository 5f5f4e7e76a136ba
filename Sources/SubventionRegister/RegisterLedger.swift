/// The register folded by target (grand livre): every convention or programme row with the entries in force.
///
/// An annulation takes its entry out; an annulled annulation is refused at recording, so folding is one pass.
public struct RegisterLedger: Sendable {
    public private(set) var situations: [RecordTarget: RecordedSituation] = [:]
    /// Sequence numbers annulled, with the annulation that reversed each.
    public private(set) var cancelled: [Int64: Int64] = [:]

    public init(_ entries: [RegisterEntry]) {
        for entry in entries where entry.entry.kind == .cancellation {
            if let target = entry.entry.payload.cancels { cancelled[target] = entry.sequence }
        }
        for entry in entries where entry.entry.kind != .cancellation && cancelled[entry.sequence] == nil {
            let target = RecordTarget(entry.entry)
            situations[target, default: RecordedSituation(target: target)].apply(entry)
        }
    }

    /// The targets in a stable order.
    public var targets: [RecordTarget] { situations.keys.sorted() }
}
