import Lexicon

/// A prefix tree over Unicode scalars that finds every lexicon word starting
/// at a position of a text in one walk.
///
/// Extraction looks words up at every position of every paragraph, so the
/// tree is flat: nodes are integers, edges live in one hash table keyed by
/// (node, scalar), and each node carries the index of the entry that ends
/// there (or -1). Entries are whatever the owner stores in a parallel array.
public struct WordTrie: Sendable {
    /// An edge: the node it leads to and the entry of the word ending there
    /// (-1 if none), together, so a walk step is one look-up.
    struct Edge: Sendable {
        var node: Int32
        var entry: Int32
        static let none = Edge(node: -1, entry: -1)
    }

    /// Edges below the root, keyed by (node, scalar).
    private var edges = IntegerKeyTable<Edge>(filler: .none)
    /// The root's edges for BMP characters, by scalar: the first step of
    /// every walk, from a table small enough to stay in cache.
    private var rootEdges = [Edge](repeating: .none, count: 0x10000)
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

    @inline(__always) private func edge(_ node: Int32, _ scalar: UInt32) -> Edge {
        if node == 0 && scalar < 0x10000 { return rootEdges[Int(scalar)] }
        return edges.lookup(Self.key(node, scalar)) ?? .none
    }

    private mutating func setEdge(_ node: Int32, _ scalar: UInt32, _ edge: Edge) {
        if node == 0 && scalar < 0x10000 { rootEdges[Int(scalar)] = edge } else { edges.insert(Self.key(node, scalar), edge) }
    }

    /// Stores `entry` for `word` (replacing any earlier entry for the same word).
    public mutating func insert(_ word: [UInt32], entry: Int32) {
        guard !word.isEmpty else { return }
        var node: Int32 = 0
        var parent: Int32 = 0
        for scalar in word {
            parent = node
            let next = edge(node, scalar)
            if next.node >= 0 {
                node = next.node
            } else {
                let created = Int32(terminal.count)
                terminal.append(-1)
                setEdge(node, scalar, Edge(node: created, entry: -1))
                node = created
            }
        }
        terminal[Int(node)] = entry
        setEdge(parent, word[word.count - 1], Edge(node: node, entry: entry))
        maxLength = max(maxLength, word.count)
    }

    /// The entry stored for exactly `word`, if any.
    public func lookup(_ word: some Collection<UInt32>) -> Int32? {
        var node: Int32 = 0
        for scalar in word {
            let next = edge(node, scalar)
            guard next.node >= 0 else { return nil }
            node = next.node
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
            let next = edge(node, text[i])
            guard next.node >= 0 else { return }
            node = next.node
            i += 1
            if next.entry >= 0 { body(i, next.entry) }
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
