import Dispatch

/// Work done on other threads, a few pieces at a time, whose results are taken back in the order the pieces were
/// given (« traitement en parallèle, dans l'ordre »): `batch` settles the chunks of a table
/// (``CSVReader/forEachChunk(path:chunkSize:_:)``) on every core and writes them in the table's order.
///
/// ```swift
/// var pipeline = OrderedPipeline<[UInt8], Int>(window: 4) { $0.count }
/// let early = pipeline.submit(bytes)   // results of earlier pieces, once the window is full
/// let rest = pipeline.drain()          // every result not taken yet, in order
/// ```
package struct OrderedPipeline<Input: Sendable, Output: Sendable> {
    /// How many pieces may be in flight before ``submit(_:)`` waits for the oldest.
    package let window: Int
    let work: @Sendable (Input) -> Output
    private var pending: [PendingOutput<Output>] = []
    private var next = 0

    package init(window: Int, work: @escaping @Sendable (Input) -> Output) {
        precondition(window >= 1, "window must be at least 1")
        self.window = window
        self.work = work
    }

    /// Starts `input` on another thread; returns the outputs of the oldest pieces once more than `window` are in
    /// flight (waiting for them), in order.
    package mutating func submit(_ input: Input) -> [Output] {
        let slot = PendingOutput<Output>()
        let work = self.work
        DispatchQueue.global().async { slot.fulfil(work(input)) }
        pending.append(slot)
        var ready: [Output] = []
        while pending.count - next > window {
            ready.append(pending[next].take())
            next += 1
        }
        if next >= 64 {
            pending.removeFirst(next)
            next = 0
        }
        return ready
    }

    /// Waits for every piece in flight and returns their outputs, in order.
    package mutating func drain() -> [Output] {
        let outputs = pending[next...].map { $0.take() }
        pending.removeAll()
        next = 0
        return outputs
    }
}

/// One output to come: written once by the worker, then taken once by the thread that waits for it (the semaphore orders
/// the write before the read, hence `@unchecked Sendable`).
final class PendingOutput<Output: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var output: Output?

    func fulfil(_ value: Output) {
        output = value
        ready.signal()
    }

    /// Waits for the output and hands it over (the slot then holds nothing: memory stays with the caller).
    func take() -> Output {
        ready.wait()
        guard let output else { preconditionFailure("PendingOutput signalled without an output") }
        self.output = nil
        return output
    }
}
