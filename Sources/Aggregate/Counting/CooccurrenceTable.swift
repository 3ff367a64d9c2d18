/// How often two named entities share a paragraph, with a hard bound on memory.
///
/// Pairs are counted exactly while there are at most `capacity` distinct
/// pairs (default 1,048,576, at most 32 MB). Past that, the rarest pairs are
/// dropped (every pair seen at most t times, t raised until half the
/// capacity is left, as in lossy counting) and `droppedAtMost` records t so
/// the report can say the lists are approximate. Below the bound counts are
/// exact and shards merge exactly. Each paragraph contributes pairs among at
/// most `perParagraph` distinct entities (its first ones), so one huge
/// paragraph cannot blow up the work either.
public struct CooccurrenceTable {
    public static let defaultCapacity = 1 << 20
    static let perParagraph = 48

    let capacity: Int
    private(set) var pairs = PairCounts()
    /// Pairs seen at most this many times were dropped (0: none dropped, exact).
    private(set) var droppedAtMost = 0

    init(capacity: Int = defaultCapacity) { self.capacity = Swift.max(2, capacity) }

    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        let (lo, hi) = a < b ? (a, b) : (b, a)
        return UInt64(UInt32(lo)) << 32 | UInt64(UInt32(hi))
    }

    static func split(_ key: UInt64) -> (Int32, Int32) {
        (Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
    }

    /// Counts every pair among `ids` (distinct, in order of appearance).
    mutating func addParagraph(_ ids: [Int32]) {
        let ids = ids.count > Self.perParagraph ? Array(ids.prefix(Self.perParagraph)) : ids
        guard ids.count > 1 else { return }
        for i in 0..<(ids.count - 1) {
            for j in (i + 1)..<ids.count {
                pairs.add(Self.key(ids[i], ids[j]), 1)
            }
        }
        if pairs.count > capacity { prune() }
    }

    mutating func add(_ a: Int32, _ b: Int32, count: Int) {
        pairs.add(Self.key(a, b), count)
    }

    mutating func noteDropped(_ t: Int) { droppedAtMost = Swift.max(droppedAtMost, t) }

    /// Drops the rarest pairs until at most half the capacity is left.
    mutating func prune() {
        guard pairs.count > capacity else { return }
        var t = droppedAtMost
        while pairs.count > capacity / 2 {
            t += 1
            pairs.keep(countedMoreThan: t)
        }
        droppedAtMost = t
    }
}
