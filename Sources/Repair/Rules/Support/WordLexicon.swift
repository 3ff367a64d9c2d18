import Foundation
import Lexicon

/// Chinese words with their frequencies (lexicons/words.tsv, Simplified),
/// for the repairs that need to know whether characters make a word: a
/// censored `*` that one word completes, a line break that splits a word.
///
/// Look-ups take Simplified text; callers normalise Traditional first.
///
/// Kept compact, because it is loaded at start-up: every word's scalars in
/// one pool, and an open-addressing table of word indices keyed by a hash of
/// the scalars (no Swift dictionary, no array per word), read from the file's
/// bytes without making strings. The index by (length, position, character)
/// that `WordCompletion` asks is built on first use only: pages without `*`
/// or lost characters never need it.
public final class WordLexicon: Sendable {
    /// The file the words are read from.
    public static let file = "words.tsv"

    /// Every word's scalars, one after another.
    private let pool: [UInt32]
    /// Where word `i` starts in `pool` (`starts[i + 1]` is where it ends).
    private let starts: [UInt32]
    private let frequencies: [Int32]
    /// Open addressing: word index + 1, 0 for an empty slot.
    private let slots: [UInt32]
    private let mask: Int
    private let index = LazyIndex()
    /// Whether the tables were read from a `BinaryCache` rather than built.
    let loadedFromCache: Bool

    /// The number of words.
    public var count: Int { frequencies.count }

    /// Reads the words of `path` (a words.tsv).
    public convenience init(path: String) throws {
        let built = try Self.build(path: path)
        self.init(pool: built.pool, starts: built.starts, frequencies: built.frequencies, slots: built.slots, cached: false)
    }

    private init(pool: [UInt32], starts: [UInt32], frequencies: [Int32], slots: [UInt32], cached: Bool) {
        loadedFromCache = cached
        self.pool = pool
        self.starts = starts
        self.frequencies = frequencies
        self.slots = slots
        self.mask = slots.count - 1
    }

    /// The format of the cache file (change it with the tables' layout or hash).
    static let cacheMagic: [UInt8] = Array("ZHRPWL01".utf8)

    /// The words of `path`, from `cache` when it holds this version of the
    /// file (and written there when not); the same words either way.
    public static func load(path: String, cache: BinaryCache?) throws -> WordLexicon {
        try BinaryCache.value(
            kind: "repair-words", magic: cacheMagic, inputs: [path], cache: cache,
            decode: { reader -> WordLexicon? in
                guard let pool: [UInt32] = reader.array(), let starts: [UInt32] = reader.array(),
                      let frequencies: [Int32] = reader.array(), let slots: [UInt32] = reader.array(),
                      starts.count == frequencies.count + 1, starts.last == UInt32(pool.count),
                      slots.count >= 16, slots.count & (slots.count - 1) == 0 else { return nil }
                return WordLexicon(pool: pool, starts: starts, frequencies: frequencies, slots: slots, cached: true)
            },
            build: { try WordLexicon(path: path) },
            encode: { built, out in
                out.array(built.pool)
                out.array(built.starts)
                out.array(built.frequencies)
                out.array(built.slots)
            }).value
    }

    private static func build(path: String) throws -> (pool: [UInt32], starts: [UInt32], frequencies: [Int32], slots: [UInt32]) {
        var pool: [UInt32] = []
        var starts: [UInt32] = [0]
        var frequencies: [Int32] = []
        pool.reserveCapacity(1_100_000)
        starts.reserveCapacity(360_000)
        frequencies.reserveCapacity(360_000)
        var word: [UInt32] = []
        try TSVBytes.forEachRow(path: path) { row in
            guard row.count >= 2, let freq = row.integer(1) else {
                throw LexiconError(file: path, line: row.line, problem: "expected a word, a tab and a frequency")
            }
            try row.scalars(0, into: &word)
            guard word.count >= 2, word.count <= 6, word.allSatisfy(Self.isHan) else { return }
            pool.append(contentsOf: word)
            starts.append(UInt32(pool.count))
            frequencies.append(Int32(min(freq, Int(Int32.max))))
        }
        var size = 16
        while size < frequencies.count * 2 { size <<= 1 }
        var slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        // Duplicate rows add up into the first.
        pool.withUnsafeBufferPointer { p in
            for w in 0..<frequencies.count {
                let a = Int(starts[w]), b = Int(starts[w + 1])
                var i = Self.hash(UnsafeBufferPointer(rebasing: p[a..<b])) & mask
                while slots[i] != 0 {
                    let other = Int(slots[i] - 1)
                    let oa = Int(starts[other]), ob = Int(starts[other + 1])
                    if ob - oa == b - a && p[oa..<ob].elementsEqual(p[a..<b]) { break }
                    i = (i + 1) & mask
                }
                if slots[i] == 0 {
                    slots[i] = UInt32(w + 1)
                } else {
                    let first = Int(slots[i] - 1)
                    frequencies[first] = Int32(min(Int(frequencies[first]) + Int(frequencies[w]), Int(Int32.max)))
                    frequencies[w] = 0
                }
            }
        }
        return (pool, starts, frequencies, slots)
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt32>) -> Int {
        var h = ScalarHash.seed
        for v in word { h = ScalarHash.extend(h, v) }
        return Int(truncatingIfNeeded: (h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 16)
    }

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// The frequency of a word (0 when it is not in the lexicon).
    public func frequency(_ word: UnsafeBufferPointer<UInt32>) -> Int {
        guard word.count >= 2, word.count <= 6 else { return 0 }
        return pool.withUnsafeBufferPointer { p in
            starts.withUnsafeBufferPointer { s in
                slots.withUnsafeBufferPointer { t in
                    var i = Self.hash(word) & mask
                    while true {
                        let slot = t[i]
                        if slot == 0 { return 0 }
                        let w = Int(slot - 1)
                        let a = Int(s[w]), b = Int(s[w + 1])
                        if b - a == word.count {
                            var same = true
                            for k in 0..<word.count where p[a + k] != word[k] { same = false; break }
                            if same { return Int(frequencies[w]) }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// The frequency of a word given as any collection of scalar values.
    public func frequency(_ word: some Collection<UInt32>) -> Int {
        let array = Array(word)
        return array.withUnsafeBufferPointer { frequency($0) }
    }

    /// The scalars of word `i`.
    public func word(_ i: Int) -> ArraySlice<UInt32> { pool[Int(starts[i])..<Int(starts[i + 1])] }

    /// The frequency of word `i`.
    public func frequency(ofWord i: Int) -> Int { Int(frequencies[i]) }

    /// Indices of the words of `length` characters with `char` at `position`, in file order.
    public func words(length: Int, position: Int, char: UInt32) -> ArraySlice<UInt32> {
        let index = self.index.table(self)
        guard let key = Self.key(length: length, position: position, char: char) else { return [] }
        return index.words[Int(index.offsets[key])..<Int(index.offsets[key + 1])]
    }

    /// The index key, for characters of the main Han blocks (3400–9FFF); nil for others.
    @inline(__always)
    static func key(length: Int, position: Int, char: UInt32) -> Int? {
        guard char >= 0x3400, char < 0xA000 else { return nil }
        return Int(char - 0x3400) << 5 | (length - 2) << 3 | position
    }
    static let keyCount = (0xA000 - 0x3400) << 5

    /// The (length, position, character) index: word indices grouped by key
    /// (a counting sort, in file order within a key), with each key's start.
    struct PositionIndex: Sendable {
        var offsets: [UInt32]
        var words: [UInt32]
    }

    /// The index, built once under a lock.
    final class LazyIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var built: PositionIndex?

        func table(_ lexicon: WordLexicon) -> PositionIndex {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            var offsets = [UInt32](repeating: 0, count: WordLexicon.keyCount + 1)
            func forEachEntry(_ body: (Int, Int) -> Void) {
                for w in 0..<lexicon.frequencies.count where lexicon.frequencies[w] > 0 {
                    let a = Int(lexicon.starts[w]), b = Int(lexicon.starts[w + 1])
                    for k in a..<b {
                        if let key = WordLexicon.key(length: b - a, position: k - a, char: lexicon.pool[k]) { body(key, w) }
                    }
                }
            }
            forEachEntry { key, _ in offsets[key + 1] += 1 }
            for i in 1..<offsets.count { offsets[i] += offsets[i - 1] }
            var fill = offsets
            var words = [UInt32](repeating: 0, count: Int(offsets[offsets.count - 1]))
            forEachEntry { key, w in
                words[Int(fill[key])] = UInt32(w)
                fill[key] += 1
            }
            let index = PositionIndex(offsets: offsets, words: words)
            built = index
            return index
        }
    }
}
