#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds where lines end in bytes already in memory.
///
/// Why one helper: records are split at their newlines at every stage's
/// input and, inside `zhpipe run`, between repair and the stages after it.
/// `memchr` tests many bytes per step where a loop tests one, and on
/// paragraph-long lines that loop was a measurable part of `run`.
public enum LineBreaks {
    /// The index of the first `\n` in `buffer[start..<limit]`, or `limit` when there is none.
    @inline(__always)
    public static func next(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        guard start < limit, let base = buffer.baseAddress,
              let found = memchr(base + start, 0x0A, limit - start) else { return limit }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first `\n` in `bytes` from `start`, or `bytes.count`.
    @inline(__always)
    public static func next(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { next(in: $0, from: start, limit: $0.count) }
    }
}
