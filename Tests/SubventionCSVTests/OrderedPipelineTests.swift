import Foundation
import Testing

@testable import SubventionCSV

/// Issue 13: `batch` settles chunks on other threads; their results come back in the order the chunks were given,
/// never more than the window in flight.
@Suite("Traitement en parallèle, dans l'ordre")
struct OrderedPipelineTests {
    final class InFlight: @unchecked Sendable {
        let lock = NSLock()
        var current = 0
        var highest = 0
        func enter() {
            lock.lock()
            current += 1
            highest = max(highest, current)
            lock.unlock()
        }
        func leave() {
            lock.lock()
            current -= 1
            lock.unlock()
        }
    }

    @Test("2 000 morceaux de durées inégales : résultats dans l'ordre donné, au plus 4 + 1 en cours")
    func resultsInOrder() {
        let inFlight = InFlight()
        var pipeline = OrderedPipeline<Int, Int>(window: 4) { value in
            inFlight.enter()
            defer { inFlight.leave() }
            // Unequal work: later pieces often finish first.
            if value % 7 == 0 { usleep(UInt32(200 + (value * 37) % 500)) }
            return value * 3
        }
        var outputs: [Int] = []
        for value in 0..<2_000 { outputs += pipeline.submit(value) }
        outputs += pipeline.drain()
        #expect(outputs == (0..<2_000).map { $0 * 3 })
        #expect(inFlight.highest <= 5)
        #expect(inFlight.highest >= 1)
    }

    @Test("Rien de soumis : rien à rendre")
    func empty() {
        var pipeline = OrderedPipeline<Int, Int>(window: 2) { $0 }
        #expect(pipeline.drain().isEmpty)
    }
}
