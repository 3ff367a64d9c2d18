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

    /// Splits `count` items into at most `parts` contiguous chunks of about
    /// equal size, cutting only where `canCut(i)` allows a chunk to start at
    /// item `i` (so, for instance, a document's records stay in one chunk).
    public static func chunks(count: Int, parts: Int, canCut: (Int) -> Bool = { _ in true }) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = max(1, min(parts, count))
        var result: [Range<Int>] = []
        var start = 0
        for k in 1..<parts {
            var cut = max(start + 1, count * k / parts)
            while cut < count && !canCut(cut) { cut += 1 }
            if cut >= count { break }
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<count)
        return result
    }

    /// `body` appends an item's output and returns a failure or nil.
    /// Chunk `c` of `chunks` (default: an even split) runs on `workers[c]`.
    /// `expectedBytes`, the caller's guess at the whole output's size, is
    /// reserved up front: growing a buffer of megabytes by doubling copies it
    /// and makes the kernel hand out fresh pages each time.
    public static func run<Item, Worker: AnyObject, Failure>(
        _ items: [Item],
        workers: [Worker],
        chunks given: [Range<Int>]? = nil,
        expectedBytes: Int = 0,
        _ body: (Worker, Item, inout [UInt8]) -> Failure?
    ) -> Outcome<Failure> {
        let chunks = given ?? chunks(count: items.count, parts: workers.count)
        precondition(chunks.count <= workers.count, "more chunks than workers")
        if chunks.count <= 1 {
            var out: [UInt8] = []
            out.reserveCapacity(expectedBytes)
            for (i, item) in items.enumerated() {
                if let failure = body(workers[0], item, &out) {
                    return Outcome(output: out, failure: (i, failure), itemsDone: i)
                }
            }
            return Outcome(output: out, failure: nil, itemsDone: items.count)
        }
        let results = UnsafeMutableBufferPointer<(output: [UInt8], failure: (Int, Failure)?)>.allocate(capacity: chunks.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            var out: [UInt8] = []
            out.reserveCapacity(expectedBytes / max(1, items.count) * chunks[c].count)
            var failure: (Int, Failure)? = nil
            for i in chunks[c] {
                if let f = body(workers[c], items[i], &out) { failure = (i, f); break }
            }
            (results.baseAddress! + c).initialize(to: (out, failure))
        }
        var output: [UInt8] = []
        output.reserveCapacity((0..<chunks.count).reduce(0) { $0 + results[$1].output.count })
        var firstFailure: (index: Int, error: Failure)? = nil
        var done = items.count
        for c in 0..<chunks.count {
            output.append(contentsOf: results[c].output)
            if let f = results[c].failure {
                firstFailure = (f.0, f.1)
                done = f.0
                break
            }
        }
        for c in 0..<chunks.count { (results.baseAddress! + c).deinitialize(count: 1) }
        return Outcome(output: output, failure: firstFailure, itemsDone: done)
    }
}
