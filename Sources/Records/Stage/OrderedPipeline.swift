import Dispatch

/// Runs batches of work on worker threads and consumes their results in the
/// order the batches were submitted.
///
/// Why not a barrier per batch: a stage that splits each batch between its
/// threads and waits for the slowest before reading, parsing or writing the
/// next leaves cores idle at every batch (a chunk of long documents, the
/// serial writing of the output). Here the calling thread only reads and
/// submits; whole batches run on free workers while earlier results are
/// written by a serial consumer, so reading, working and writing overlap.
///
/// - One batch runs on one worker, start to end, so a worker's state (an ICU
///   iterator, a document's memory) is never shared between threads.
/// - At most `window` batches are submitted and not yet consumed, which
///   bounds memory whatever the input size. The default is eight per
///   worker: results wait for the one batch before them, so one long
///   batch with a short window leaves the other workers idle with
///   finished work they cannot hand over (at two per worker, `zhpipe run
///   -j 2` kept its two cores 93 % busy; at eight, 98 %; every stage's
///   peak memory moved by less than 3 MB).
/// - With one worker everything runs on the calling thread, in order.
/// - The first error `consume` throws stops the run: later results are
///   dropped, `submit` and `finish` rethrow it, and nothing after it is
///   consumed, so output stops exactly where the failure is.
public final class OrderedPipeline<Worker: AnyObject, Result>: @unchecked Sendable {
    private let inline: Worker?
    private let consume: (Result) throws -> Void
    private let lock = Lock()
    private var idle: [Worker]
    private let freeWorkers: DispatchSemaphore
    private let window: DispatchSemaphore
    private let consumer = DispatchQueue(label: "zhpipe.ordered-pipeline.consumer")
    private let running = DispatchGroup()
    private var finished: [Int: Result] = [:]
    private var nextToSubmit = 0
    private var nextToConsume = 0
    private var failure: Error?

    /// `window` defaults to eight times the workers, at least 2.
    public init(workers: [Worker], window: Int? = nil, consume: @escaping (Result) throws -> Void) {
        precondition(!workers.isEmpty, "a pipeline needs a worker")
        self.inline = workers.count == 1 ? workers[0] : nil
        self.consume = consume
        self.idle = workers
        self.freeWorkers = DispatchSemaphore(value: workers.count)
        self.window = DispatchSemaphore(value: max(2, window ?? 8 * workers.count))
    }

    /// Runs `work` on the next free worker; its result is consumed after the
    /// results of everything submitted before. Blocks while the window is
    /// full. Throws the consumer's first error, if one happened.
    public func submit(_ work: @escaping (Worker) -> Result) throws {
        if let inline {
            try consume(work(inline))
            return
        }
        if let failure = lock.withLock({ failure }) { throw failure }
        window.wait()
        if let failure = lock.withLock({ failure }) {
            window.signal()
            throw failure
        }
        freeWorkers.wait()
        let (worker, index): (Worker, Int) = lock.withLock {
            defer { nextToSubmit += 1 }
            return (idle.removeLast(), nextToSubmit)
        }
        DispatchQueue.global().async(group: running) { [self] in
            let result = work(worker)
            lock.withLock {
                finished[index] = result
                idle.append(worker)
            }
            freeWorkers.signal()
            consumer.async { self.consumeReady() }
        }
    }

    /// Runs `produce` (which submits), then waits for the work it submitted.
    /// When `produce` throws, what was submitted before is still consumed,
    /// and the consumer's error, being earlier in input order, wins.
    public func run(_ produce: () throws -> Void) throws {
        do {
            try produce()
        } catch {
            try finish()
            throw error
        }
        try finish()
    }

    /// Waits for every submitted batch and its consumption; throws the
    /// consumer's first error, if one happened.
    public func finish() throws {
        guard inline == nil else { return }
        running.wait()
        consumer.sync {}
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// What the consumer does next.
    private enum Step {
        case consume(Result)
        case drop(Int)
        case wait
    }

    /// On the consumer queue: consumes finished results while the next in
    /// order is there; after a failure, drops them (keeping the window open
    /// so a waiting `submit` wakes up and sees the failure).
    private func consumeReady() {
        while true {
            let step: Step = lock.withLock {
                if failure != nil {
                    let count = finished.count
                    finished.removeAll()
                    return count > 0 ? .drop(count) : .wait
                }
                guard let result = finished.removeValue(forKey: nextToConsume) else { return .wait }
                nextToConsume += 1
                return .consume(result)
            }
            switch step {
            case .wait:
                return
            case .drop(let count):
                for _ in 0..<count { window.signal() }
            case .consume(let result):
                do {
                    try consume(result)
                } catch {
                    lock.withLock { failure = error }
                }
                window.signal()
            }
        }
    }
}
