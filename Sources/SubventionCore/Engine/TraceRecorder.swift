/// Receives the steps of a computation. The engine is generic over it so that batch evaluation,
/// which records nothing, pays nothing for explanations (``SilentTrace`` is inlined away).
public protocol TraceRecorder {
    /// Records a step; `text` is evaluated only when the recorder keeps it.
    mutating func record(_ clause: Clause?, _ text: @autoclosure () -> String, amount: Money?, subject: String?)
}

/// A recorder that keeps nothing: the fast path for batches.
public struct SilentTrace: TraceRecorder {
    public init() {}
    @inlinable
    public mutating func record(_ clause: Clause?, _ text: @autoclosure () -> String, amount: Money?, subject: String?) {}
}

/// A recorder that keeps every step, for explanations.
public struct Trace: TraceRecorder, Hashable, Sendable {
    public private(set) var steps: [TraceStep] = []

    public init() {}

    public mutating func record(_ clause: Clause?, _ text: @autoclosure () -> String, amount: Money?, subject: String?) {
        steps.append(TraceStep(clause: clause, text: text(), amount: amount, subject: subject))
    }
}
