/// Splits the lattice's tokens where a finer convention cuts words.
///
/// Runs after the lattice, so the path is chosen with the default's words
/// (whose frequencies the lexicon has) and only then cut: a number token
/// before each unit (2009年3月 → 2009 年 3 月), a demonstrative from a measure
/// word (这种 → 这 种, not 这里), and a bound suffix from a word of three or
/// more characters whose stem is itself a lexicon word (天津市 → 天津 市,
/// 参赛者 → 参赛 者; 记者 stays whole). Pieces keep covering the text
/// exactly: a split only moves boundaries inside a token.
struct ConventionSplitter {
    let rules: ConventionRules
    let lexicon: SegmentLexicon

    typealias Token = Segmenter.Token

    /// Splits `tokens[first...]` (offsets into `t`, the normalised text) in place.
    func apply(_ tokens: inout [Token], text t: UnsafeBufferPointer<UInt32>, from first: Int = 0) {
        var k = first
        while k < tokens.count {
            let pieces = split(tokens[k], t)
            if pieces.count > 1 {
                tokens.replaceSubrange(k...k, with: pieces)
                k += pieces.count
            } else {
                k += 1
            }
        }
    }

    /// The pieces of one token (the token itself when nothing applies).
    func split(_ token: Token, _ t: UnsafeBufferPointer<UInt32>) -> [Token] {
        let s = token.start, e = token.end, length = e - s
        guard length >= 2 else { return [token] }
        if token.kind == .number {
            return splitUnits(token, t)
        }
        guard token.kind == .word else { return [token] }
        if length == 2, rules.demonstratives.contains(t[s]), lexicon.isClassifier(t[s + 1]), !rules.pronounSeconds.contains(t[s + 1]) {
            return [Token(start: s, end: s + 1, kind: .word), Token(start: s + 1, end: e, kind: .word)]
        }
        if length >= 3, rules.suffixes.contains(t[e - 1]), (s..<e).allSatisfy({ CharacterClass.isHan(t[$0]) }),
           lexicon.isWord(UnsafeBufferPointer(rebasing: t[s..<(e - 1)])) {
            return [Token(start: s, end: e - 1, kind: .word), Token(start: e - 1, end: e, kind: .word)]
        }
        return [token]
    }

    /// A number token cut before and after each unit that follows a numeral.
    private func splitUnits(_ token: Token, _ t: UnsafeBufferPointer<UInt32>) -> [Token] {
        var pieces: [Token] = []
        var start = token.start
        for k in (token.start + 1)..<token.end where rules.numberUnits.contains(t[k]) && Self.isNumeral(t[k - 1]) && k > start {
            pieces.append(Token(start: start, end: k, kind: .number))
            pieces.append(Token(start: k, end: k + 1, kind: .word))
            start = k + 1
        }
        guard !pieces.isEmpty else { return [token] }
        if start < token.end { pieces.append(Token(start: start, end: token.end, kind: Self.isNumeral(t[start]) ? .number : .word)) }
        return pieces
    }

    /// A digit (ASCII after normalisation) or a Chinese numeral.
    @inline(__always)
    static func isNumeral(_ c: UInt32) -> Bool { CharacterClass.isDigit(c) || NumberGrammar.isChineseNumeral(c) }
}
