import Lexicon

/// The segmentation lexicon in memory: every word (as normalised scalars)
/// with its weight, and every proper prefix of a word, in one open-addressing
/// hash table.
///
/// Why a hash of prefixes rather than a trie: the lattice asks "which words
/// start here?" by extending a candidate one character at a time, and a
/// prefix entry tells it when to stop. The hash of text[i..<j+1] is computed
/// from the hash of text[i..<j] in one step, so each extension costs one
/// probe. Built straight from the TSV rows at load (no Swift Dictionary, no
/// per-word allocation).
///
/// Speed is memory: the table does not fit in cache, so the lattice's look-up
/// touches one 8-byte `CompactSlot` and nothing else: 32 bits of the key's
/// hash, its length, flags and a fixed-point weight. Together with the ~20
/// hash bits that chose the slot, a string outside the table matches a key
/// with odds of about 2^-50 per look-up. Building uses full 16-byte slots
/// (64-bit hash) and checks keys against their scalars, which live in cold
/// arrays. Single BMP characters, the first look-up at every position, have
/// their own small direct-indexed table.
public final class WordTable: @unchecked Sendable {
    /// One table slot: a word or a prefix of one.
    struct Slot {
        var hash: UInt64 = 0
        /// Raw frequency while building, log-probability once finished.
        var weight: Float = 0
        /// Key length in scalars; 0 marks an empty slot.
        var length: UInt8 = 0
        var flags: Flags = []
    }

    /// A slot as the lattice reads it (8 bytes).
    struct CompactSlot {
        /// The key hash's high 32 bits.
        var check: UInt32 = 0
        /// The weight in thousandths (log-probabilities lie in about -20...0).
        var milliWeight: Int16 = 0
        var length: UInt8 = 0
        var flags: Flags = []

        @inline(__always) var weight: Double { Double(milliWeight) * 0.001 }
    }

    /// What a slot holds and where a word came from.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let word = Flags(rawValue: 1)
        static let prefix = Flags(rawValue: 2)
        /// From a gazetteer or user lexicon: kept whole.
        static let protected = Flags(rawValue: 4)
    }

    private(set) var slots: [Slot]
    /// The lattice's copy of `slots` (see `freeze`).
    private(set) var compact: [CompactSlot] = []
    /// Whether `compact` matches `slots`.
    private var frozen = false
    /// The two-character keys' hashes, made with `compact`: most positions of
    /// a text start no two-character key, and this says so without a miss.
    private(set) var pairs = PairFilter()
    /// Where each slot's key starts in `pool` (a prefix shares its word's scalars).
    private(set) var poolStarts: [UInt32]
    /// Each slot's part-of-speech tag, as an index into `tags` (0 = none).
    private(set) var slotTags: [UInt8]
    private(set) var pool: [UInt32] = []
    private var mask: Int
    private(set) var wordCount = 0
    /// Occupied slots (words and prefixes).
    private var used = 0
    var usedSlots: Int { used }
    /// Part-of-speech tags seen, by index (0 = no tag).
    private(set) var tags: [String] = [""]
    private var tagIndex: [String: UInt8] = ["": 0]
    /// Direct table for single BMP characters: weight and flags.
    private var singleWeights = [Float](repeating: 0, count: 0x10000)
    private var singleFlags = [Flags](repeating: [], count: 0x10000)

    @inline(__always)
    static func home(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    init(expectedWords: Int) {
        var capacity = 1024
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        poolStarts = [UInt32](repeating: 0, count: capacity)
        slotTags = [UInt8](repeating: 0, count: capacity)
        mask = capacity - 1
        pool.reserveCapacity(expectedWords * 3)
    }

    /// A table from the parts a `LexiconCache` stored.
    init(slots: [Slot], compact: [CompactSlot], poolStarts: [UInt32], slotTags: [UInt8], pool: [UInt32], tags: [String], wordCount: Int, used: Int) {
        self.slots = slots
        self.compact = compact
        self.frozen = compact.count == slots.count
        self.poolStarts = poolStarts
        if frozen { pairs = Self.pairFilter(of: slots) }
        self.slotTags = slotTags
        self.pool = pool
        self.mask = slots.count - 1
        self.wordCount = wordCount
        self.used = used
        self.tags = tags.isEmpty ? [""] : tags
        for (i, tag) in self.tags.enumerated() { tagIndex[tag] = UInt8(i) }
        refreshSingles()
    }

    // MARK: Looking up

    /// Unsafe, allocation-free access for the lattice's inner loop; valid
    /// only inside `WordTable.withLookup`, after `freeze()`.
    struct Lookup {
        let slots: UnsafeBufferPointer<CompactSlot>
        let singleWeights: UnsafeBufferPointer<Float>
        let singleFlags: UnsafeBufferPointer<Flags>
        let pairs: PairFilter.Bits
        let mask: Int

        /// The slot index of the key with this hash and length, or -1.
        @inline(__always)
        func find(hash: UInt64, length: Int) -> Int {
            var index = WordTable.home(hash, mask)
            let check = UInt32(truncatingIfNeeded: hash >> 32)
            while true {
                let slot = slots[index]
                if slot.length == 0 { return -1 }
                if slot.check == check && Int(slot.length) == length { return index }
                index = (index + 1) & mask
            }
        }

        /// Weight and flags of a single character (flags empty when unknown).
        @inline(__always)
        func single(_ c: UInt32) -> (weight: Double, flags: Flags) {
            if c < 0x10000 { return (Double(singleWeights[Int(c)]), singleFlags[Int(c)]) }
            let i = find(hash: ScalarHash.extend(ScalarHash.seed, c), length: 1)
            return i < 0 ? (0, []) : (slots[i].weight, slots[i].flags)
        }
    }

    func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
        try compact.withUnsafeBufferPointer { slots in
            try singleWeights.withUnsafeBufferPointer { weights in
                try singleFlags.withUnsafeBufferPointer { flags in
                    try pairs.withBits { pairs in
                        try body(Lookup(slots: slots, singleWeights: weights, singleFlags: flags, pairs: pairs, mask: mask))
                    }
                }
            }
        }
    }

    /// Look-ups over the full slots, for building passes (current while the table changes).
    struct BuildLookup {
        let slots: UnsafeBufferPointer<Slot>
        let mask: Int

        @inline(__always)
        func find(hash: UInt64, length: Int) -> Int {
            var index = WordTable.home(hash, mask)
            while true {
                let slot = slots[index]
                if slot.length == 0 { return -1 }
                if slot.hash == hash && Int(slot.length) == length { return index }
                index = (index + 1) & mask
            }
        }
    }

    func withBuildLookup<R>(_ body: (BuildLookup) throws -> R) rethrows -> R {
        try slots.withUnsafeBufferPointer { try body(BuildLookup(slots: $0, mask: mask)) }
    }

    /// Makes the lattice's compact copy; call after the last change.
    func freeze() {
        guard !frozen else { return }
        frozen = true
        compact = slots.map { slot in
            CompactSlot(check: UInt32(truncatingIfNeeded: slot.hash >> 32), milliWeight: Self.milliWeight(slot.weight),
                        length: slot.length, flags: slot.flags)
        }
        pairs = Self.pairFilter(of: slots)
    }

    /// The filter of the two-character keys among `slots`.
    static func pairFilter(of slots: [Slot]) -> PairFilter {
        var pairs = PairFilter()
        for slot in slots where slot.length == 2 { pairs.insert(slot.hash) }
        return pairs
    }

    static func milliWeight(_ weight: Float) -> Int16 {
        Int16(max(-32767, min(32767, (Double(weight) * 1000).rounded())))
    }

    /// The slot index of `key`, compared scalar by scalar (for building), or -1.
    func find(_ key: UnsafeBufferPointer<UInt32>) -> Int {
        var hash = ScalarHash.seed
        for c in key { hash = ScalarHash.extend(hash, c) }
        return find(hash: hash, key: key)
    }

    func find(_ key: [UInt32]) -> Int {
        key.withUnsafeBufferPointer { find($0) }
    }

    private func find(hash: UInt64, key: UnsafeBufferPointer<UInt32>) -> Int {
        var index = Self.home(hash, mask)
        while true {
            let slot = slots[index]
            if slot.length == 0 { return -1 }
            if slot.hash == hash && Int(slot.length) == key.count {
                let start = Int(poolStarts[index])
                var k = 0
                while k < key.count && pool[start + k] == key[k] { k += 1 }
                if k == key.count { return index }
            }
            index = (index + 1) & mask
        }
    }

    /// True when `key` is a word of the table.
    public func contains(_ key: [UInt32]) -> Bool {
        let i = find(key)
        return i >= 0 && slots[i].flags.contains(.word)
    }

    /// The weight (natural log of the word's probability) of `key`, if a word.
    public func weight(_ key: [UInt32]) -> Float? {
        let i = find(key)
        return i >= 0 && slots[i].flags.contains(.word) ? slots[i].weight : nil
    }

    /// The tag of the word in slot `i`.
    func tag(ofSlot i: Int) -> String { tags[Int(slotTags[i])] }

    /// The scalars of the key in slot `i`.
    func key(ofSlot i: Int) -> ArraySlice<UInt32> {
        let start = Int(poolStarts[i])
        return pool[start..<(start + Int(slots[i].length))]
    }

    func forEachWordSlot(_ body: (Int) -> Void) {
        for i in slots.indices where slots[i].flags.contains(.word) { body(i) }
    }

    /// The codes of the tags in `names` that occur in the table.
    func tagCodes(_ names: Set<String>) -> Set<UInt8> {
        Set(tags.indices.filter { names.contains(tags[$0]) }.map(UInt8.init))
    }

    // MARK: Building

    func tagCode(_ tag: String) -> UInt8 {
        if let code = tagIndex[tag] { return code }
        guard tags.count < 255 else { return 0 }
        let code = UInt8(tags.count)
        tags.append(tag)
        tagIndex[tag] = code
        return code
    }

    /// Adds `key` as a word with raw frequency `frequency` (or updates it:
    /// `merge` decides the new value from the old one), and all its proper
    /// prefixes as prefixes.
    func insert(_ key: UnsafeBufferPointer<UInt32>, frequency: Float, tag: UInt8, flags extra: Flags = [],
                merge: (Float) -> Float = { $0 }) {
        guard !key.isEmpty, key.count <= Int(UInt8.max) else { return }
        frozen = false
        if (used + key.count) * 2 > slots.count { grow() }
        let start = UInt32(pool.count)
        var poolUsed = false
        var hash = ScalarHash.seed
        for n in 1...key.count {
            hash = ScalarHash.extend(hash, key[n - 1])
            let prefix = UnsafeBufferPointer(rebasing: key[0..<n])
            let isWhole = n == key.count
            let found = find(hash: hash, key: prefix)
            if found >= 0 {
                if isWhole {
                    if slots[found].flags.contains(.word) {
                        slots[found].weight = merge(slots[found].weight)
                        if tag != 0 && slotTags[found] == 0 { slotTags[found] = tag }
                    } else {
                        slots[found].flags.insert(.word)
                        slots[found].weight = frequency
                        slotTags[found] = tag
                        wordCount += 1
                    }
                    slots[found].flags.formUnion(extra)
                } else {
                    slots[found].flags.insert(.prefix)
                }
                refreshSingle(found)
                continue
            }
            if !poolUsed {
                pool.append(contentsOf: key)
                poolUsed = true
            }
            var index = Self.home(hash, mask)
            while slots[index].length != 0 { index = (index + 1) & mask }
            var slot = Slot(hash: hash, weight: 0, length: UInt8(n), flags: .prefix)
            if isWhole {
                slot.flags = [.word]
                slot.flags.formUnion(extra)
                slot.weight = frequency
                slotTags[index] = tag
                wordCount += 1
            }
            slots[index] = slot
            poolStarts[index] = start
            used += 1
            refreshSingle(index)
        }
    }

    /// Removes a word (it stays as a prefix if it is one).
    func removeWord(slot i: Int) {
        guard slots[i].flags.contains(.word) else { return }
        frozen = false
        slots[i].flags.remove(.word)
        wordCount -= 1
        refreshSingle(i)
    }

    func setWeight(slot i: Int, _ weight: Float) {
        frozen = false
        slots[i].weight = weight
        refreshSingle(i)
    }

    /// Copies a one-character BMP slot into the direct table.
    private func refreshSingle(_ i: Int) {
        guard slots[i].length == 1 else { return }
        let c = pool[Int(poolStarts[i])]
        guard c < 0x10000 else { return }
        singleWeights[Int(c)] = Float(Self.milliWeight(slots[i].weight)) * 0.001  // as rounded as `CompactSlot`
        singleFlags[Int(c)] = slots[i].flags
    }

    private func refreshSingles() {
        for i in slots.indices where slots[i].length == 1 { refreshSingle(i) }
    }

    private func grow() {
        let oldSlots = slots, oldStarts = poolStarts, oldTags = slotTags
        let capacity = slots.count * 2
        slots = [Slot](repeating: Slot(), count: capacity)
        poolStarts = [UInt32](repeating: 0, count: capacity)
        slotTags = [UInt8](repeating: 0, count: capacity)
        mask = capacity - 1
        for k in oldSlots.indices where oldSlots[k].length != 0 {
            var index = Self.home(oldSlots[k].hash, mask)
            while slots[index].length != 0 { index = (index + 1) & mask }
            slots[index] = oldSlots[k]
            poolStarts[index] = oldStarts[k]
            slotTags[index] = oldTags[k]
        }
    }
}
