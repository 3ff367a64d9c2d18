import Lexicon

/// The paragraph cut into lexicon words, the most probable way.
///
/// Extraction needs word boundaries it can rely on whatever produced the
/// record (the segment stage's tokens may be missing, or cut by other rules),
/// so it segments the normalised text itself: a unigram model over the word
/// list, best path by dynamic programming (the classic maximum-probability
/// segmentation). Runs of ASCII letters or digits stay one token; characters
/// no word covers become one-character tokens, which is where unknown names
/// show up and where the name rules look.
///
/// A value whose arrays can be refilled (`build`): a processor keeps one
/// lattice's storage from paragraph to paragraph (see `ExtractText.Buffers`),
/// since allocating an array costs more than a short paragraph's search.
struct Lattice {
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    /// Lexicon entry of each token, or -1.
    private(set) var entries: [Int32] = []
    /// The lexicon's facts about each token's word (meaningless where the
    /// entry is -1): gathered in one pass, where the loads from the large
    /// table overlap, instead of one cache miss at a time in the rules.
    private(set) var infos: [WordInfo] = []
    /// The token starting at each position, or -1.
    private(set) var tokenAt: [Int32] = []
    /// Whether each token is all Han characters (every rule family asks it of most tokens).
    private(set) var hanTokens: [Bool] = []
    /// The search's best score, end and entry from each position (kept for their storage only).
    private var bestScore: [Float] = []
    private var bestEnd: [Int32] = []
    private var bestEntry: [Int32] = []

    var count: Int { starts.count }

    init() {}

    /// Segments `t`, reusing the arrays' storage.
    mutating func build(text t: UnsafeBufferPointer<UInt32>, lexicons: ExtractLexicons) {
        let n = t.count
        tokenAt.refill(count: n + 1, with: -1)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        hanTokens.removeAll(keepingCapacity: true)
        infos.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        bestScore.refill(count: n + 1, with: 0)
        bestEnd.refill(count: n + 1, with: 0)
        bestEntry.refill(count: n + 1, with: -1)
        Self.search(t, lexicons, &bestScore, &bestEnd, &bestEntry)
        collectTokens(t, n)
        gatherInfos(lexicons.info)
    }

    /// Copies each word token's lexicon facts into `infos`.
    private mutating func gatherInfos(_ info: [WordInfo]) {
        infos.refill(count: entries.count, with: WordInfo.none)
        info.withUnsafeBufferPointer { info in
        entries.withUnsafeBufferPointer { entries in
        infos.withUnsafeMutableBufferPointer { infos in
            for k in 0..<entries.count where entries[k] >= 0 { infos[k] = info[Int(entries[k])] }
        }}}
    }

    /// How many positions ahead of the search the word table is prefetched.
    static let prefetchDistance = 8

    /// The dynamic programme, from the end of the text to its start.
    private static func search(
        _ t: UnsafeBufferPointer<UInt32>, _ lexicons: ExtractLexicons,
        _ bestScore: inout [Float], _ bestEnd: inout [Int32], _ bestEntry: inout [Int32]
    ) {
        let n = t.count
        let unknown = lexicons.unknownLogProbability
        var i = n - 1
        while i >= 0 {
            let c = t[i]
            if Scalars.isASCIIDigit(c) || Scalars.isASCIILetter(c) {
                // An alphanumeric run is one token (decimal points and separators inside numbers too).
                var j = i
                while j > 0 {
                    let p = t[j - 1]
                    if Scalars.isASCIIDigit(p) || Scalars.isASCIILetter(p) { j -= 1; continue }
                    if (p == 0x2E || p == 0x2C), j >= 2, Scalars.isASCIIDigit(t[j - 2]), Scalars.isASCIIDigit(t[j]) { j -= 1; continue }
                    break
                }
                // Positions j..<i+1 are all in the run; give every start inside it the run's end.
                let end = i + 1
                var k = i
                while k >= j {
                    bestEnd[k] = Int32(end)
                    bestEntry[k] = -1
                    bestScore[k] = unknown + bestScore[end]
                    k -= 1
                }
                i = j - 1
                continue
            }
            lexicons.words.prefetch(in: t, at: i - Self.prefetchDistance)
            var best = unknown + bestScore[i + 1]
            var end = i + 1
            var entry: Int32 = -1
            lexicons.words.forEachWeightedMatch(in: t, from: i) { e, word, logp in
                let s = logp + bestScore[e]
                if s > best {
                    best = s; end = e; entry = word
                }
            }
            bestScore[i] = best
            bestEnd[i] = Int32(end)
            bestEntry[i] = entry
            i -= 1
        }
    }

    /// Follows the best path from the start, filling the token arrays.
    private mutating func collectTokens(_ t: UnsafeBufferPointer<UInt32>, _ n: Int) {
        // Count the best path's tokens first, so the token arrays are sized once.
        var tokens = 0
        var p = 0
        while p < n { tokens += 1; p = Int(bestEnd[p]) }
        starts.refill(count: tokens, with: 0)
        ends.refill(count: tokens, with: 0)
        entries.refill(count: tokens, with: -1)
        hanTokens.refill(count: tokens, with: false)
        Self.writeTokens(t, bestEnd, bestEntry, &starts, &ends, &entries, &hanTokens, &tokenAt)
    }

    /// Writes the tokens of the best path into the sized arrays, through their
    /// buffers: per element, `append` or a subscript checks capacity and
    /// uniqueness, which on a path of short tokens costs more than the walk.
    private static func writeTokens(
        _ t: UnsafeBufferPointer<UInt32>, _ bestEnd: [Int32], _ bestEntry: [Int32],
        _ starts: inout [Int32], _ ends: inout [Int32], _ entries: inout [Int32], _ hanTokens: inout [Bool], _ tokenAt: inout [Int32]
    ) {
        starts.withUnsafeMutableBufferPointer { starts in
        ends.withUnsafeMutableBufferPointer { ends in
        entries.withUnsafeMutableBufferPointer { entries in
        hanTokens.withUnsafeMutableBufferPointer { hanTokens in
        tokenAt.withUnsafeMutableBufferPointer { tokenAt in
            var p = 0
            for k in 0..<starts.count {
                let e = Int(bestEnd[p])
                tokenAt[p] = Int32(k)
                starts[k] = Int32(p)
                ends[k] = Int32(e)
                entries[k] = bestEntry[p]
                var han = true
                for q in p..<e where !Scalars.isHan(t[q]) { han = false; break }
                hanTokens[k] = han
                p = e
            }
            tokenAt[p] = Int32(starts.count)
        }}}}}
    }

    /// True when a token starts at `position`.
    @inline(__always) func isBoundary(_ position: Int) -> Bool {
        position >= tokenAt.count - 1 || tokenAt[position] >= 0
    }

    /// Index of the token containing `position`.
    func token(containing position: Int) -> Int {
        var p = position
        while p > 0 && tokenAt[p] < 0 { p -= 1 }
        return Int(tokenAt[p])
    }
}
