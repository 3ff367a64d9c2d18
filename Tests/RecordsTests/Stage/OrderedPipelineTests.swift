import Foundation
import Testing
@testable import Records

@Suite struct OrderedPipelineTests {
    final class Slot {}

    /// Work of uneven length, so later batches often finish first.
    static func unevenWork(_ i: Int) -> Int {
        usleep(useconds_t((i * 7919) % 5 * 300))
        return i
    }

    @Test(arguments: [1, 2, 4])
    func resultsAreConsumedInSubmissionOrder(_ workers: Int) throws {
        var consumed: [Int] = []
        let pipeline = OrderedPipeline<Slot, Int>(workers: (0..<workers).map { _ in Slot() }) { consumed.append($0) }
        try pipeline.run {
            for i in 0..<200 { try pipeline.submit { _ in Self.unevenWork(i) } }
        }
        #expect(consumed == Array(0..<200))
    }

    @Test func aWorkerRunsOneBatchAtATime() throws {
        final class Counter { var inUse = 0; var clash = false }
        let lock = Lock()
        let slots = (0..<3).map { _ in Counter() }
        let pipeline = OrderedPipeline<Counter, Int>(workers: slots) { _ in }
        try pipeline.run {
            for i in 0..<100 {
                try pipeline.submit { slot in
                    lock.withLock { slot.inUse += 1; if slot.inUse > 1 { slot.clash = true } }
                    _ = Self.unevenWork(i)
                    lock.withLock { slot.inUse -= 1 }
                    return i
                }
            }
        }
        #expect(!slots.contains { $0.clash })
    }

    @Test func noMoreThanTheWindowWaitsToBeConsumed() throws {
        let lock = Lock()
        var submitted = 0
        var consumed = 0
        var largestGap = 0
        let pipeline = OrderedPipeline<Slot, Int>(workers: [Slot(), Slot()], window: 3) { _ in
            usleep(200)
            lock.withLock { consumed += 1 }
        }
        try pipeline.run {
            for i in 0..<100 {
                try pipeline.submit { _ in i }
                lock.withLock {
                    submitted += 1
                    largestGap = max(largestGap, submitted - consumed)
                }
            }
        }
        #expect(consumed == 100)
        #expect(largestGap <= 3)
    }

    struct Stop: Error, Equatable { let at: Int }

    @Test(arguments: [1, 3])
    func theFirstConsumerErrorStopsTheRunAndNothingAfterItIsConsumed(_ workers: Int) {
        var consumed: [Int] = []
        let pipeline = OrderedPipeline<Slot, Int>(workers: (0..<workers).map { _ in Slot() }) { i in
            if i == 40 { throw Stop(at: i) }
            consumed.append(i)
        }
        #expect(throws: Stop(at: 40)) {
            try pipeline.run {
                for i in 0..<200 { try pipeline.submit { _ in Self.unevenWork(i) } }
            }
        }
        #expect(consumed == Array(0..<40))
    }

    @Test(arguments: [1, 3])
    func whatWasSubmittedBeforeTheProducerFailsIsStillConsumed(_ workers: Int) {
        var consumed: [Int] = []
        let pipeline = OrderedPipeline<Slot, Int>(workers: (0..<workers).map { _ in Slot() }) { consumed.append($0) }
        #expect(throws: Stop(at: 25)) {
            try pipeline.run {
                for i in 0..<25 { try pipeline.submit { _ in Self.unevenWork(i) } }
                throw Stop(at: 25)
            }
        }
        #expect(consumed == Array(0..<25))
    }
}
