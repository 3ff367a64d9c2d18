import Foundation

/// Joins the pieces of a transliterated foreign name the lexicon does not
/// know (埃尔塞奥, 费斯切拉): a run of two or more single-character tokens,
/// each a character typical of transliterations, becomes one word.
///
/// Which characters are typical is learnt from the lexicon itself: jieba tags
/// transliterated names `nrt`; a character is typical when its share among
/// the characters of those names is larger than its share of all word
/// frequency (斯, 尔, 克, 塞 yes; 的, 是, 在 no), and it is not itself a
/// very common word. The lattice leaves an unknown name as single
/// characters (no word covers it), so this pass only touches text the
/// lexicon could not explain.
enum ForeignNameJoiner {
    /// Characters whose own word frequency is at least this are never joined.
    static let maximumWordFrequency: Float = 30_000

    /// The typical characters of transliterated names in `table` (built from
    /// raw frequencies, before weights are computed), sorted.
    static func characters(of table: WordTable) -> [UInt32] {
        guard let nrt = table.tagCodes(["nrt"]).first else { return [] }
        var inNames: [UInt32: Double] = [:]
        var overall: [UInt32: Double] = [:]
        var namesTotal = 0.0, total = 0.0
        table.forEachWordSlot { i in
            let slot = table.slots[i]
            let start = Int(table.poolStarts[i])
            for k in start..<(start + Int(slot.length)) {
                let c = table.pool[k]
                overall[c, default: 0] += Double(slot.weight)
                total += Double(slot.weight)
                if table.slotTags[i] == nrt {
                    inNames[c, default: 0] += 1
                    namesTotal += 1
                }
            }
        }
        guard namesTotal > 0, total > 0 else { return [] }
        var result: [UInt32] = []
        for (c, count) in inNames where CharacterClass.isHan(c) {
            let nameShare = log((count + 0.1) / namesTotal)
            let overallShare = log(((overall[c] ?? 0) + 1) / total)
            guard nameShare > overallShare else { continue }
            let own = table.weight([c]) ?? 0
            if own < maximumWordFrequency { result.append(c) }
        }
        return result.sorted()
    }

    /// A set of characters as a bitmap over the BMP plus a sorted list beyond it.
    struct CharacterSet: Sendable {
        private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        private var beyond: [UInt32] = []
        let isEmpty: Bool

        init(_ sorted: [UInt32]) {
            isEmpty = sorted.isEmpty
            for c in sorted {
                if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) } else { beyond.append(c) }
            }
        }

        @inline(__always)
        func contains(_ c: UInt32) -> Bool {
            c < 0x10000 ? bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 : SegmentLexicon.sortedContains(beyond, c)
        }

        /// The set's BMP part as a pointer view, for inner loops (for sets
        /// known to lie in the BMP, such as the measure words).
        struct BMPBits {
            let words: UnsafeBufferPointer<UInt64>
            @inline(__always)
            func contains(_ c: UInt32) -> Bool { c < 0x10000 && words[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
        }

        func withBMPBits<R>(_ body: (BMPBits) throws -> R) rethrows -> R {
            try bits.withUnsafeBufferPointer { try body(BMPBits(words: $0)) }
        }
    }

    /// Joins a name written with a middle dot between its parts (菲德尔·卡斯特罗,
    /// 诺罗敦·拉那烈): two or more Han words around ·, each made only of
    /// characters typical of transliterations or a name piece (see `join`),
    /// become one word, as PKU, CTB and MSR write such names. A dot between
    /// ordinary words (中国·北京) stays a token of its own.
    static func joinDotted(_ tokens: inout [Segmenter.Token], text t: UnsafeBufferPointer<UInt32>, characters: CharacterSet, from first: Int = 0,
                           classify: (Int, Int) -> (known: Bool, kind: PieceKind)) {
        guard !characters.isEmpty, tokens.count - first >= 3 else { return }
        func isNamePart(_ token: Segmenter.Token) -> Bool {
            guard token.kind == .word else { return false }
            var typical = true
            for p in token.start..<token.end {
                if !CharacterClass.isHan(t[p]) { return false }
                if !characters.contains(t[p]) { typical = false }
            }
            if typical { return true }
            return token.end - token.start >= 2 && classify(token.start, token.end).kind == .namePiece
        }
        func isDot(_ token: Segmenter.Token) -> Bool {
            token.end - token.start == 1 && NumberGrammar.isMiddleDot(t[token.start])
        }
        var out = first
        var k = first
        while k < tokens.count {
            var end = k + 1
            if end + 1 < tokens.count && isDot(tokens[end]) && isNamePart(tokens[k]) {
                while end + 1 < tokens.count && isDot(tokens[end]) && isNamePart(tokens[end + 1]) { end += 2 }
            }
            tokens[out] = end - k >= 3 ? Segmenter.Token(start: tokens[k].start, end: tokens[end - 1].end, kind: .word) : tokens[k]
            out += 1
            k = end
        }
        tokens.removeSubrange(out...)
    }

    /// What the joiner needs to know about a multi-character token: whether
    /// it is a dictionary word that is a name (tags nr, nrt, nrfg) or a rare
    /// one (at the dictionary's floor count), or not a dictionary word at all.
    enum PieceKind {
        /// A dictionary word of another kind (罗马 ns is fine, 伊斯兰 ns too, but 里面 is not a piece).
        case word
        /// A name, a floor-count entry, or no dictionary word: a likely piece of a longer name.
        case namePiece
    }

    /// Joins runs of name pieces in `tokens` (of normalised text `t`).
    ///
    /// A piece is a single-character token whose character is typical of
    /// transliterations, or a longer token, at least two thirds of whose
    /// characters are typical, that `classify` calls a name piece (亨茨, 维尔,
    /// 施坦因). A run of two or more
    /// pieces becomes one word when at least one of them is something the
    /// dictionary does not know as a word: a lone character, or a token the
    /// lattice made from the name model (so 威廉 玛丽, two known names, stay
    /// two; 亨茨 维尔 and 弗 鲁 埃 拉 become one).
    static func join(_ tokens: inout [Segmenter.Token], text t: UnsafeBufferPointer<UInt32>, characters: CharacterSet, from first: Int = 0,
                     classify: (Int, Int) -> (known: Bool, kind: PieceKind) = { _, _ in (true, .word) }) {
        guard !characters.isEmpty, tokens.count - first >= 2 else { return }
        /// The cheap test first: a typical lone character, or a longer word most
        /// of whose characters are typical (施坦因: 因 is not, 施 and 坦 are).
        @inline(__always)
        func isCandidate(_ token: Segmenter.Token) -> Bool {
            guard token.kind == .word else { return false }
            let length = token.end - token.start
            if length == 1 { return characters.contains(t[token.start]) }
            var typical = 0
            for p in token.start..<token.end where characters.contains(t[p]) { typical += 1 }
            return typical * 3 >= length * 2
        }
        var out = first
        var k = first
        while k < tokens.count {
            var end = k
            while end < tokens.count && isCandidate(tokens[end]) { end += 1 }
            guard end - k >= 2 else {
                tokens[out] = tokens[k]
                out += 1
                k += 1
                continue
            }
            // A run of candidates (rare): split it at words that are no name
            // pieces, and join each part that has a piece the dictionary lacks.
            var p = k
            while p < end {
                var q = p
                var unknownPieces = 0
                while q < end {
                    let token = tokens[q]
                    if token.end - token.start == 1 {
                        unknownPieces += 1
                    } else {
                        let (known, kind) = classify(token.start, token.end)
                        guard kind == .namePiece else { break }
                        if !known { unknownPieces += 1 }
                    }
                    q += 1
                }
                if q - p >= 2 && unknownPieces > 0 {
                    tokens[out] = Segmenter.Token(start: tokens[p].start, end: tokens[q - 1].end, kind: .word)
                    out += 1
                    p = q
                } else {
                    // Copy up to and including the token that stopped the part.
                    let stop = min(max(q, p + 1), end)
                    for r in p..<stop {
                        tokens[out] = tokens[r]
                        out += 1
                    }
                    p = stop
                }
            }
            k = end
        }
        tokens.removeSubrange(out...)
    }
}
