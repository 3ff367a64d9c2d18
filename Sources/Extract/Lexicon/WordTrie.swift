import Lexicon
import Records

/// A prefix tree over Unicode scalars that finds every lexicon word starting
/// at a position of a text in one walk.
///
/// Extraction looks words up at every position of every paragraph, so the
/// tree is flat: every key (a word, or a proper prefix of one) lives in one
/// hash table under a hash of its scalars, with the entry of the word equal
/// to it (or -1) and whether longer keys continue it; one-character keys of
/// the BMP have a direct table. Entries are whatever the owner stores in a
/// parallel array.
///
/// Why hashes of whole prefixes rather than (node, scalar) edges: a walk's
/// next key is computed from the text alone, so the processor can start the
/// next step's memory load before the current one arrives; with edges, each
/// step waits for the node the previous one loaded. Half of the hash and a
/// second, independent 30-bit hash of each key are stored and compared
/// (`KeyTable`), so two keys would have to agree on 62 bits to be confused.
public struct WordTrie: Sendable {
    /// What the tables hold for a key: twelve bytes (with the high half of
    /// its hash, a 16-byte `KeyTable` slot).
    struct Key: Sendable {
        /// Entry of the word equal to the key, or -1.
        var entry: Int32 = -1
        /// The owner's weight for that word (`setWeights`): kept beside the
        /// entry because the segmentation's search reads it at every match,
        /// and a second table indexed by entry is a second cache miss.
        var weight: Float = 0
        /// The key's second hash (its low 30 bits, against collisions of the
        /// first), whether longer keys continue it (bit 30) and whether the
        /// key is in the table (bit 31).
        private var bits: UInt32 = 0

        private static let continuesBit: UInt32 = 1 << 30
        private static let presentBit: UInt32 = 1 << 31
        static let checkMask: UInt32 = (1 << 30) - 1

        init() {}

        init(entry: Int32, check: UInt32, present: Bool, continues: Bool) {
            self.entry = entry
            bits = (check & Self.checkMask) | (present ? Self.presentBit : 0) | (continues ? Self.continuesBit : 0)
        }

        var check: UInt32 { bits & Self.checkMask }
        var present: Bool { bits & Self.presentBit != 0 }
        var continues: Bool {
            get { bits & Self.continuesBit != 0 }
            set { bits = newValue ? bits | Self.continuesBit : bits & ~Self.continuesBit }
        }

        /// Whether the key's second hash is `check` (its low 30 bits).
        @inline(__always) func checks(_ check: UInt64) -> Bool {
            self.check == UInt32(truncatingIfNeeded: check) & Self.checkMask
        }

        static let none = Key()
    }

    private var keys = KeyTable()
    /// One-character keys of the BMP, by scalar.
    private var singles = [Key](repeating: .none, count: 0x10000)
    /// The two-character keys' hashes: answers most positions without the table.
    private var pairs = PairFilter()
    private var words = 0
    /// The longest word, in scalars.
    public private(set) var maxLength = 0

    public init() {}

    /// Makes room for about `nodes` keys before a large load.
    public mutating func reserve(nodes: Int) {
        keys.reserveCapacity(nodes)
    }

    /// Number of words stored.
    public var count: Int { words }

    @inline(__always) static func extendCheck(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash &+ UInt64(scalar) &+ 0x9E37_79B9) &* 0xD6E8_FEB8_6659_FD93
    }

    static let checkSeed: UInt64 = 0x2545_F491_4F6C_DD1D

    /// The key after `length` scalars, with its hashes.
    @inline(__always) private func key(_ hash: UInt64, _ check: UInt64, length: Int, scalar: UInt32) -> Key {
        if length == 1 && scalar < 0x10000 { return singles[Int(scalar)] }
        if length == 2 && !pairs.mayContain(hash) { return .none }
        return keys.lookup(hash, check)
    }

    private mutating func store(_ value: Key, _ hash: UInt64, length: Int, scalar: UInt32) {
        if length == 1 && scalar < 0x10000 { singles[Int(scalar)] = value } else { keys.insert(hash, value) }
        if length == 2 { pairs.insert(hash) }
    }

    /// Stores `entry` for `word` (replacing any earlier entry for the same word).
    public mutating func insert(_ word: [UInt32], entry: Int32) {
        _ = store(word, entry: entry, replacing: true)
    }

    /// The entry stored for `word`, storing `entry` first if there is none
    /// (one walk over the word's prefixes, where `lookup` then `insert` take two).
    public mutating func entry(for word: [UInt32], insertingIfAbsent entry: Int32) -> Int32 {
        store(word, entry: entry, replacing: false)
    }

    /// Walks `word`'s prefixes, adding the missing ones; sets the word's entry
    /// (when `replacing`, or when it has none) and returns the entry it ends with.
    private mutating func store(_ word: [UInt32], entry: Int32, replacing: Bool) -> Int32 {
        guard !word.isEmpty else { return entry }
        var result = entry
        var hash = ScalarHash.seed, check = Self.checkSeed
        for (k, scalar) in word.enumerated() {
            hash = ScalarHash.extend(hash, scalar)
            check = Self.extendCheck(check, scalar)
            let length = k + 1
            var value = length == 1 && scalar < 0x10000 ? singles[Int(scalar)] : keys.lookup(hash, check)
            if !value.present {
                value = Key(entry: -1, check: UInt32(truncatingIfNeeded: check), present: true, continues: false)
            }
            if length < word.count {
                value.continues = true
            } else if value.entry < 0 || replacing {
                if value.entry < 0 { words += 1 }
                value.entry = entry
            } else {
                result = value.entry
                continue
            }
            store(value, hash, length: length, scalar: scalar)
        }
        maxLength = max(maxLength, word.count)
        return result
    }

    /// Writes the tree as it is in memory, for a `BinaryCache`.
    func encode(into out: inout ByteWriter) {
        out.int(words)
        out.int(maxLength)
        keys.encode(into: &out)
        out.array(singles)
        pairs.encode(into: &out)
    }

    /// The tree `encode` wrote, or nil if what is read is not one.
    init?(decoding reader: inout ByteReader) {
        guard let words = reader.int(), let maxLength = reader.int(),
              let keys = KeyTable(decoding: &reader),
              let singles: [Key] = reader.array(), singles.count == 0x10000,
              let pairs = PairFilter(decoding: &reader) else { return nil }
        self.words = words
        self.maxLength = maxLength
        self.keys = keys
        self.singles = singles
        self.pairs = pairs
    }

    /// Sets each word's weight, which `forEachMatch` hands over with its entry.
    public mutating func setWeights(_ weight: (Int32) -> Float) {
        keys.updateValues { key in if key.entry >= 0 { key.weight = weight(key.entry) } }
        for i in singles.indices where singles[i].entry >= 0 { singles[i].weight = weight(singles[i].entry) }
    }

    /// The entry stored for exactly `word`, if any.
    public func lookup(_ word: some Collection<UInt32>) -> Int32? {
        var hash = ScalarHash.seed, check = Self.checkSeed
        var length = 0, last: UInt32 = 0
        for scalar in word {
            hash = ScalarHash.extend(hash, scalar)
            check = Self.extendCheck(check, scalar)
            length += 1
            last = scalar
        }
        guard length > 0 else { return nil }
        let found = key(hash, check, length: length, scalar: last)
        return found.present && found.entry >= 0 ? found.entry : nil
    }

    /// Calls `body(end, entry)` for each word that starts at `start` in
    /// `text`, shortest first (`end` is exclusive).
    @inline(__always)
    public func forEachMatch(in text: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int? = nil, _ body: (Int, Int32) -> Void) {
        forEachWeightedMatch(in: text, from: start, limit: limit) { end, entry, _ in body(end, entry) }
    }

    /// Calls `body(end, entry, weight)` for each word that starts at `start`
    /// in `text`, shortest first (`end` is exclusive), with the weight
    /// `setWeights` gave it.
    @inline(__always)
    public func forEachWeightedMatch(in text: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int? = nil, _ body: (Int, Int32, Float) -> Void) {
        var hash = ScalarHash.seed, check = Self.checkSeed
        var i = start
        let end = min(text.count, limit ?? text.count)
        while i < end {
            let scalar = text[i]
            hash = ScalarHash.extend(hash, scalar)
            check = Self.extendCheck(check, scalar)
            let found = key(hash, check, length: i - start + 1, scalar: scalar)
            guard found.present else { return }
            i += 1
            if found.entry >= 0 { body(i, found.entry, found.weight) }
            if !found.continues { return }
        }
    }

    /// Starts loading the table slots of the two- and three-character keys
    /// at `start`, for a `forEachMatch` there a few positions later: the
    /// table is far larger than the cache, and a walk's loads otherwise wait
    /// one after another.
    @inline(__always)
    public func prefetch(in text: UnsafeBufferPointer<UInt32>, at start: Int) {
        guard start >= 0, start + 1 < text.count else { return }
        let two = ScalarHash.extend(ScalarHash.extend(ScalarHash.seed, text[start]), text[start + 1])
        guard pairs.mayContain(two) else { return }
        keys.prefetch(two)
        if start + 2 < text.count { keys.prefetch(ScalarHash.extend(two, text[start + 2])) }
    }

    /// The longest word starting at `start`: (end, entry), or nil.
    @inline(__always)
    public func longestMatch(in text: UnsafeBufferPointer<UInt32>, from start: Int) -> (end: Int, entry: Int32)? {
        var best: (Int, Int32)?
        forEachMatch(in: text, from: start) { end, entry in best = (end, entry) }
        return best
    }
}

extension Array where Element == UInt32 {
    /// The scalars of a string as UTF-32 values.
    init(scalarsOf text: String) {
        self = text.unicodeScalars.map(\.value)
    }
}

extension String {
    /// A string from UTF-32 values (invalid values become U+FFFD), encoded
    /// straight into the string's storage (appending to a `UnicodeScalarView`
    /// costs a call and a capacity check per scalar; entity names and mention
    /// texts are made for every candidate).
    init(scalarValues: some Collection<UInt32>) {
        self.init(unsafeUninitializedCapacity: scalarValues.count * 4) { utf8 in
            UTF8Scalars.encode(scalarValues, into: utf8)
        }
    }
}
