import Dispatch

/// Runs work items on several threads and gathers their output in input order.
///
/// Items are split into contiguous chunks, one per worker; each chunk stops
/// at its first failure. The caller gets the output of every item before the
/// first failure (in order) and that failure, so a bad line loses nothing
/// read before it, whatever the thread count.
public enum OrderedParallel {
    /// The combined output and, if any item failed, the first failure.
    public struct Outcome<Failure> {
        public var output: [UInt8]
        public var failure: (index: Int, error: Failure)?
        public var itemsDone: Int
    }

    /// `body` appends an item's output and returns a failure or nil.
    public static func run<Item, Worker: AnyObject, Failure>(
        _ items: [Item],
        workers: [Worker],
        _ body: (Worker, Item, inout [UInt8]) -> Failure?
    ) -> Outcome<Failure> {
        let chunkCount = min(workers.count, items.count)
        if chunkCount <= 1 {
            var out: [UInt8] = []
            for (i, item) in items.enumerated() {
                if let failure = body(workers[0], item, &out) {
                    return Outcome(output: out, failure: (i, failure), itemsDone: i)
                }
            }
            return Outcome(output: out, failure: nil, itemsDone: items.count)
        }
        let per = (items.count + chunkCount - 1) / chunkCount
        let results = UnsafeMutableBufferPointer<(output: [UInt8], failure: (Int, Failure)?)>.allocate(capacity: chunkCount)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            var out: [UInt8] = []
            var failure: (Int, Failure)? = nil
            let range = (c * per)..<min(items.count, (c + 1) * per)
            for i in range {
                if let f = body(workers[c], items[i], &out) { failure = (i, f); break }
            }
            (results.baseAddress! + c).initialize(to: (out, failure))
        }
        var output: [UInt8] = []
        var firstFailure: (index: Int, error: Failure)? = nil
        var done = items.count
        for c in 0..<chunkCount {
            output.append(contentsOf: results[c].output)
            if let f = results[c].failure {
                firstFailure = (f.0, f.1)
                done = f.0
                break
            }
        }
        for c in 0..<chunkCount { (results.baseAddress! + c).deinitialize(count: 1) }
        return Outcome(output: output, failure: firstFailure, itemsDone: done)
    }
}
