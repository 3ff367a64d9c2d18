import Lexicon

/// A prefix tree over Unicode scalars that finds every lexicon word starting
/// at a position of a text in one walk.
///
/// Extraction looks words up at every position of every paragraph, so the
/// tree is flat: nodes are integers, edges live in one hash table keyed by
/// (node, scalar), and each node carries the index of the entry that ends
/// there (or -1). Entries are whatever the owner stores in a parallel array.
public struct WordTrie: Sendable {
    private var edges = IntegerKeyTable<Int32>(filler: -1)
    private var terminal: [Int32] = [-1]
    /// The longest word, in scalars.
    public private(set) var maxLength = 0

    public init() {}

    /// Makes room for about `nodes` nodes before a large load.
    public mutating func reserve(nodes: Int) {
        edges.reserveCapacity(nodes)
        terminal.reserveCapacity(nodes)
    }

    /// Number of words stored.
    public var count: Int { terminal.lazy.filter { $0 >= 0 }.count }

    @inline(__always) private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) << 32) | UInt64(scalar)
    }

    /// Stores `entry` for `word` (replacing any earlier entry for the same word).
    public mutating func insert(_ word: [UInt32], entry: Int32) {
        guard !word.isEmpty else { return }
        var node: Int32 = 0
        for scalar in word {
            let k = Self.key(node, scalar)
            if let next = edges.lookup(k) {
                node = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(-1)
                edges.insert(k, next)
                node = next
            }
        }
        terminal[Int(node)] = entry
        maxLength = max(maxLength, word.count)
    }

    /// The entry stored for exactly `word`, if any.
    public func lookup(_ word: some Collection<UInt32>) -> Int32? {
        var node: Int32 = 0
        for scalar in word {
            guard let next = edges.lookup(Self.key(node, scalar)) else { return nil }
            node = next
        }
        let e = terminal[Int(node)]
        return e >= 0 ? e : nil
    }

    /// Calls `body(end, entry)` for each word that starts at `start` in
    /// `text`, shortest first (`end` is exclusive).
    @inline(__always)
    public func forEachMatch(in text: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int? = nil, _ body: (Int, Int32) -> Void) {
        var node: Int32 = 0
        var i = start
        let end = min(text.count, limit ?? text.count)
        while i < end {
            guard let next = edges.lookup(Self.key(node, text[i])) else { return }
            node = next
            i += 1
            let e = terminal[Int(node)]
            if e >= 0 { body(i, e) }
        }
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
    /// A string from UTF-32 values (invalid values become U+FFFD).
    init(scalarValues: some Sequence<UInt32>) {
        var view = String.UnicodeScalarView()
        for v in scalarValues { view.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        self = String(view)
    }
}
