/// Counts by pair key (`CooccurrenceTable.key`): an open-addressing hash
/// table of UInt64 keys and Int counts, iterated in no particular order.
///
/// Slots are filled to three quarters at most (16 bytes a slot: about 32
/// MB for the default capacity of `CooccurrenceTable`).
///
/// Why: every paragraph adds a count to each pair of its named entities;
/// a `Dictionary<UInt64, Int>` hashes each key with SipHash, about a hundred
/// instructions, where one multiplication spreads these keys well enough.
/// Everything that reads the counts sorts them or sums them, so the order
/// of iteration never shows.
struct PairCounts: Sequence {
    /// Marks an empty slot; no pair key has its top bit set (ids are not negative).
    private static let empty = UInt64.max

    private var keys = [UInt64](repeating: PairCounts.empty, count: 64)
    private var counts = [Int](repeating: 0, count: 64)
    /// How many keys are held.
    private(set) var count = 0

    /// The count of `key`, nil when it has none.
    subscript(key: UInt64) -> Int? {
        let slot = find(key)
        return keys[slot] == key ? counts[slot] : nil
    }

    /// Adds `n` to the count of `key` (a new key starts at 0).
    mutating func add(_ key: UInt64, _ n: Int) {
        var slot = find(key)
        if keys[slot] != key {
            if 4 * (count + 1) > 3 * keys.count {
                grow()
                slot = find(key)
            }
            keys[slot] = key
            count += 1
        }
        counts[slot] += n
    }

    /// Keeps only the pairs counted more than `threshold` times.
    mutating func keep(countedMoreThan threshold: Int) {
        let old = self
        self = PairCounts(capacity: old.keys.count)
        for (key, n) in old where n > threshold { add(key, n) }
    }

    /// The pairs and their counts, slot by slot.
    struct Iterator: IteratorProtocol {
        fileprivate let table: PairCounts
        fileprivate var slot = 0

        mutating func next() -> (key: UInt64, value: Int)? {
            while slot < table.keys.count {
                let s = slot
                slot += 1
                if table.keys[s] != PairCounts.empty { return (table.keys[s], table.counts[s]) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(table: self) }

    init() {}

    private init(capacity: Int) {
        keys = [UInt64](repeating: Self.empty, count: capacity)
        counts = [Int](repeating: 0, count: capacity)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != key && keys[slot] != Self.empty { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        let old = self
        self = PairCounts(capacity: 2 * old.keys.count)
        for (key, n) in old { add(key, n) }
    }
}
