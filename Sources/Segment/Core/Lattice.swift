import Lexicon

/// The word lattice over one text and its most probable path.
///
/// Nodes are the positions where a token may start or end: ICU's word
/// boundaries, and every position inside a run of ideographs (ICU's own split
/// of a Han run is one opinion among several). Edges are:
/// - ICU's segments that are not ideographic (numbers, Latin words,
///   punctuation, spaces), as ICU made them;
/// - every lexicon word that starts and ends on a node (so a word may join
///   pieces ICU split, such as B超 or a user's "New York");
/// - numbers, percentages and dates from `NumberGrammar`, and a number with
///   the measure word after it (scored as one unit, written as two tokens);
/// - unknown personal names from `PersonNameModel`;
/// - a run of a repeated dash or ellipsis (——, ……) as one token;
/// - a single ideograph, so every text has a path.
/// Each edge has a weight, the log-probability of its token; dynamic
/// programming picks the path with the highest sum (jieba's model, over
/// ICU's boundaries, not greedy longest match).
final class Lattice {
    typealias Token = Segmenter.Token

    /// ICU's word segmentation of the text, by scalar position.
    struct ICUSegments {
        /// End of the ICU segment starting at each position, or -1.
        var end: [Int32] = []
        /// Rule status of the ICU segment starting at each position.
        var status: [Int32] = []
        /// Whether each position lies in an ideographic (or kana) segment.
        var ideographic: [Bool] = []

        mutating func reset(count n: Int) {
            end.refill(count: n + 1, with: -1)
            status.refill(count: n + 1, with: 0)
            ideographic.refill(count: n + 1, with: false)
        }
    }

    let lexicon: SegmentLexicon

    private let keys = KeyLookups()
    private var best: [Double] = []
    private var back: [Int32] = []
    private var kindAt: [TokenKind] = []
    /// For an edge that is a number and its measure word: where the number ends (else -1).
    private var splitAt: [Int32] = []
    private var allowed: [Bool] = []

    init(lexicon: SegmentLexicon) {
        self.lexicon = lexicon
    }

    /// The most probable tokens of `t` (normalised scalars), appended to `tokens`.
    func segment(_ t: UnsafeBufferPointer<UInt32>, icu: ICUSegments, into tokens: inout [Token]) {
        let n = t.count
        guard n > 0 else { return }
        // Work on local arrays (a class's stored arrays cost an exclusivity check per access).
        var best = self.best, back = self.back, kindAt = self.kindAt, allowed = self.allowed, splitAt = self.splitAt
        self.best = []; self.back = []; self.kindAt = []; self.allowed = []; self.splitAt = []
        defer { self.best = best; self.back = back; self.kindAt = kindAt; self.allowed = allowed; self.splitAt = splitAt }
        splitAt.refill(count: n + 1, with: -1)
        best.refill(count: n + 1, with: -Double.infinity)
        back.refill(count: n + 1, with: -1)
        kindAt.refill(count: n + 1, with: .word)
        allowed.refill(count: n + 1, with: false)
        icu.end.withUnsafeBufferPointer { end in
            icu.ideographic.withUnsafeBufferPointer { ideographic in
                allowed.withUnsafeMutableBufferPointer { allowed in
                    allowed[0] = true
                    allowed[n] = true
                    // Without branches (the text's mix of Han and other runs defeats prediction):
                    // a node where an ICU segment starts, or between two ideographs.
                    var previous: UInt8 = ideographic[0] ? 1 : 0
                    for p in 1..<n {
                        let current: UInt8 = ideographic[p] ? 1 : 0
                        let icuStart = UInt8(truncatingIfNeeded: ~UInt32(bitPattern: end[p]) >> 31)
                        allowed[p] = (icuStart | (previous & current)) != 0
                        previous = current
                    }
                }
            }
        }
        best[0] = 0
        let tokenWeight = Double(lexicon.tokenWeight)
        let names = lexicon.names
        let classifiers = lexicon.classifierSet
        let unknown = Double(lexicon.unknownCharacterWeight)

        // Every position's two- and three-character keys, looked up in bulk first.
        keys.lookUp(t, in: lexicon.table)
        let found2 = keys.found2, found3 = keys.found3
        lexicon.table.withLookup { lookup in
            best.withUnsafeMutableBufferPointer { best in
            back.withUnsafeMutableBufferPointer { back in
            kindAt.withUnsafeMutableBufferPointer { kindAt in
            splitAt.withUnsafeMutableBufferPointer { splitAt in
            allowed.withUnsafeBufferPointer { allowed in
            icu.end.withUnsafeBufferPointer { icuEnd in
            icu.status.withUnsafeBufferPointer { icuStatus in
            icu.ideographic.withUnsafeBufferPointer { ideographic in
            found2.withUnsafeBufferPointer { found2 in
            found3.withUnsafeBufferPointer { found3 in
            names.withTables { names in
            classifiers.withBMPBits { classifiers in
            NumberGrammar.startCharacters.withBMPBits { numberStarts in
                @inline(__always)
                func relax(_ i: Int, _ j: Int, _ weight: Double, _ kind: TokenKind, split: Int = -1) {
                    let score = best[i] + weight
                    if score > best[j] {
                        best[j] = score
                        back[j] = Int32(i)
                        kindAt[j] = kind
                        splitAt[j] = Int32(split)
                    }
                }
                for i in 0..<n where allowed[i] && best[i] > -Double.infinity {
                    let c = t[i]
                    let segmentEnd = Int(icuEnd[i])
                    let inHan = ideographic[i]
                    var icuKind = TokenKind.word
                    // ICU's own token, when it is not a Han run.
                    if segmentEnd >= 0 && !inHan {
                        var allSpace = true
                        for k in i..<segmentEnd where !CharacterClass.isSpace(t[k]) { allSpace = false; break }
                        icuKind = TokenKind.fromICU(status: icuStatus[i], allSpace: allSpace)
                        relax(i, segmentEnd, tokenWeight, icuKind)
                        // A code or compound ICU cuts at its hyphens (NX-01, COVID-19, Wi-Fi): one token.
                        if CharacterClass.isASCIIAlphanumeric(c) && (i == 0 || !CharacterClass.isASCIIAlphanumeric(t[i - 1])) {
                            let end = CharacterClass.hyphenatedCodeEnd(t, from: i)
                            if end > segmentEnd && allowed[end] { relax(i, end, tokenWeight, CharacterClass.isDigit(c) ? .number : .letter) }
                            if c | 0x20 == 0x68 || c | 0x20 == 0x66 || c | 0x20 == 0x77 {  // h, f, w: a URL?
                                let url = CharacterClass.urlEnd(t, from: i)
                                if url > segmentEnd && allowed[url] { relax(i, url, tokenWeight, .letter) }
                            }
                        }
                    }
                    // Lexicon words starting here: the character itself, then longer keys.
                    let single = lookup.single(c)
                    let singleFound = single.flags.contains(.word) && allowed[i + 1]
                    if singleFound {
                        relax(i, i + 1, single.weight, segmentEnd == i + 1 && !inHan ? icuKind : .word)
                    }
                    if single.flags.contains(.prefix) && !CharacterClass.isSpace(c) {
                        var hash = ScalarHash.extend(ScalarHash.seed, c)
                        var j = i + 1
                        while j < n {
                            hash = ScalarHash.extend(hash, t[j])
                            // Two- and three-character keys were looked up in bulk beforehand.
                            let length = j - i + 1
                            let found = length == 2 ? Int(found2[i]) : length == 3 ? Int(found3[i]) : lookup.find(hash: hash, length: length)
                            if found < 0 { break }
                            let slot = lookup.slots[found]
                            if slot.flags.contains(.word) && allowed[j + 1] {
                                relax(i, j + 1, slot.weight, segmentEnd == j + 1 && !inHan ? icuKind : .word)
                            }
                            if !slot.flags.contains(.prefix) { break }
                            j += 1
                        }
                    }
                    // Numbers and dates.
                    if numberStarts.contains(c) { NumberGrammar.matches(t, at: i) { end, plain in
                        guard end <= n && allowed[end] else { return }
                        // A lone Chinese numeral is a token only through the lexicon;
                        // the grammar offers it for a measure word to follow.
                        if !plain {
                            // A date, percentage or fraction: wins a tie with number + measure word (2020年).
                            relax(i, end, tokenWeight + 0.001, .number)
                        } else if end - i >= 2 || !NumberGrammar.isChineseNumeral(c) {
                            relax(i, end, tokenWeight, .number)
                        }
                        // A number and the measure word after it: two tokens scored as one
                        // unit, since a measure word is what follows a number (三 个 人, not 三 个人).
                        if plain && end < n && allowed[end + 1] && classifiers.contains(t[end]) {
                            relax(i, end + 1, tokenWeight, .number, split: end)
                        }
                    } }
                    if c == NumberGrammar.approximateNumeral && i + 2 <= n && allowed[i + 1] && allowed[i + 2] && classifiers.contains(t[i + 1]) {
                        relax(i, i + 2, tokenWeight, .word, split: i + 1)
                    }
                    // ——, ……
                    if CharacterClass.joinsWhenRepeated(c) && i + 1 < n && t[i + 1] == c {
                        var j = i + 1
                        while j < n && t[j] == c { j += 1 }
                        if allowed[j] { relax(i, j, tokenWeight, .punctuation) }
                    }
                    if inHan && names.isSurname(c) && i + 2 <= n && ideographic[i + 1] && allowed[i + 1] && allowed[i + 2] {
                        // An unknown person's name: surname + one or two given-name characters.
                        let (two, three) = names.weights(t, at: i)
                        if let two { relax(i, i + 2, two, .word) }
                        if let three, i + 3 <= n, ideographic[i + 2], allowed[i + 3] { relax(i, i + 3, three, .word) }
                    }
                    if inHan {
                        // A lone character, with any combining marks after it.
                        var end = i + 1
                        while end < n && !allowed[end] { end += 1 }
                        if !(singleFound && end == i + 1) { relax(i, end, unknown, .word) }
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
        }
        // Walk back from the end.
        let first = tokens.count
        var j = n
        while j > 0 {
            var i = Int(back[j])
            if i < 0 || i >= j { i = j - 1 }  // unreachable by construction; never loop
            let split = Int(splitAt[j])
            if split > i && split < j {
                tokens.append(Token(start: split, end: j, kind: .word))
                tokens.append(Token(start: i, end: split, kind: kindAt[j]))
            } else {
                tokens.append(Token(start: i, end: j, kind: kindAt[j]))
            }
            j = i
        }
        tokens[first...].reverse()
        let lexicon = self.lexicon
        let classify = { (start: Int, end: Int) in lexicon.namePieceKind(UnsafeBufferPointer(rebasing: t[start..<end])) }
        ForeignNameJoiner.join(&tokens, text: t, characters: lexicon.transliterationSet, from: first, classify: classify)
        ForeignNameJoiner.joinDotted(&tokens, text: t, characters: lexicon.transliterationSet, from: first, classify: classify)
    }
}
