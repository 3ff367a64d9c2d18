import ICUBridge
import Lexicon

/// Looks up every position's two- and three-character keys before the
/// lattice runs, with the table slots a few positions ahead prefetched.
///
/// Why: the word table is far bigger than the cache, and the lattice's own
/// look-ups come one after another, each waiting for memory. Issued here in
/// tight loops, with `zh_prefetch` starting the loads `distance` keys ahead,
/// they overlap. Longer keys are rarer and left to the lattice.
final class KeyLookups {
    /// Slot index of each position's two- and three-character key (-1: none).
    private(set) var found2: [Int32] = []
    private(set) var found3: [Int32] = []
    private var hashes: [UInt64] = []
    private var pending: [Int32] = []
    /// How many keys ahead a slot is prefetched.
    static let distance = 8

    func lookUp(_ t: UnsafeBufferPointer<UInt32>, in table: WordTable) {
        let n = t.count
        // Local arrays: a class's stored arrays cost an exclusivity check per access.
        var found2 = self.found2, found3 = self.found3, hashes = self.hashes, pending = self.pending
        self.found2 = []; self.found3 = []; self.hashes = []; self.pending = []
        defer { self.found2 = found2; self.found3 = found3; self.hashes = hashes; self.pending = pending }
        found2.refill(count: n + 1, with: -1)
        found3.refill(count: n + 1, with: -1)
        hashes.refill(count: n + 1, with: 0)
        pending.refill(count: n + 1, with: 0)
        let distance = Self.distance
        table.withLookup { lookup in
            found2.withUnsafeMutableBufferPointer { found2 in
            found3.withUnsafeMutableBufferPointer { found3 in
            hashes.withUnsafeMutableBufferPointer { hashes in
            pending.withUnsafeMutableBufferPointer { pending in
                guard n >= 2, let base = lookup.slots.baseAddress else { return }
                for i in 0..<(n - 1) {
                    hashes[i] = ScalarHash.extend(ScalarHash.extend(ScalarHash.seed, t[i]), t[i + 1])
                }
                for i in 0..<(n - 1) {
                    if i + distance < n - 1, lookup.pairs.mayContain(hashes[i + distance]) {
                        zh_prefetch(base + WordTable.home(hashes[i + distance], lookup.mask))
                    }
                    if lookup.single(t[i]).flags.contains(.prefix), lookup.pairs.mayContain(hashes[i]) {
                        found2[i] = Int32(lookup.find(hash: hashes[i], length: 2))
                    }
                }
                guard n >= 3 else { return }
                // Three-character keys whose first two characters are a prefix.
                var count = 0
                for i in 0..<(n - 2) where found2[i] >= 0 && lookup.slots[Int(found2[i])].flags.contains(.prefix) {
                    hashes[i] = ScalarHash.extend(hashes[i], t[i + 2])
                    pending[count] = Int32(i)
                    count += 1
                }
                for k in 0..<count {
                    if k + distance < count { zh_prefetch(base + WordTable.home(hashes[Int(pending[k + distance])], lookup.mask)) }
                    let i = Int(pending[k])
                    found3[i] = Int32(lookup.find(hash: hashes[i], length: 3))
                }
            }
            }
            }
            }
        }
    }
}
