import Dispatch

/// Runs independent start-up work (loading each stage's lexicons) on
/// several threads at once.
///
/// Why: `zhpipe run` loads the lexicons of three stages before the first
/// record moves, about half a second one after another; each load is
/// single-threaded and they share nothing, so on two cores most of that
/// time can overlap. Errors are rethrown in the order the work was given.
enum Concurrently {
    static func run(_ work: [() throws -> Void]) throws {
        var failures = [Error?](repeating: nil, count: work.count)
        failures.withUnsafeMutableBufferPointer { failures in
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                do { try work[i]() } catch { failures[i] = error }
            }
        }
        if let first = failures.lazy.compactMap({ $0 }).first { throw first }
    }
}
