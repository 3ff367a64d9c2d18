/// Scores candidate readings of a damaged span: the language model, plus
/// three things a character model built from a word list cannot see.
///
/// - Punctuation frequencies: the model gives every common mark the same
///   probability; in running Chinese text `，` and `。` are far more common
///   than the rest (roughly 6 % and 3 % of characters, against under 1 % for
///   any other mark), which matters when a lost byte can be `。` or a
///   character (`A1 A3` vs `B3 A3`).
/// - Pairing: quotes open and close (`“…”`, `‘…’`), and only some marks
///   stand next to each other (`。”` yes, `。～` no).
/// - The document itself (a cache model): a character pair the same
///   document uses elsewhere (`核酸` in a report about testing) is more
///   likely than one it never uses (`核算`).
struct CandidateScorer {
    let model: LanguageModel
    /// Adjacent Han pairs of the document and how often each occurs.
    var documentPairs: [UInt64: Int] = [:]

    static let opening: Set<UInt32> = [0x201C, 0x2018, 0xFF08, 0x300A, 0x3010, 0x300C, 0x300E, 0x3008, 0x3014, 0x3016, 0x28]
    static let closing: Set<UInt32> = [0x201D, 0x2019, 0xFF09, 0x300B, 0x3011, 0x300D, 0x300F, 0x3009, 0x3015, 0x3017, 0x29]
    static let clauseEnd: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x2026, 0x2014,
                                         0x21, 0x3F, 0x2C, 0x3B, 0x3A, 0x2E]

    /// log of (frequency in running text / the model's flat 0.008) for the commonest marks.
    static func punctuationCorrection(_ v: UInt32) -> Double {
        switch v {
        case 0xFF0C, 0x2C: return 2.0     // ，
        case 0x3002: return 1.3           // 。
        case 0x3001: return 0.4           // 、
        default: return 0
        }
    }

    /// log P of `span` between `before` and `after` (the character after is
    /// scored too, so spans of different lengths compare fairly), plus the
    /// punctuation and document terms. `openQuotes` is the number of `“`
    /// left open before the span, `quotesAfter` the number of `”` after it
    /// that close a quote opened before it.
    func score(_ span: [UInt32], before: UInt32?, after: UInt32?, openQuotes: Int = 0, quotesAfter: Int = 0) -> Double {
        var all = span
        if let after { all.append(after) }
        var total = all.withUnsafeBufferPointer { model.logProbability(values: $0, after: before) }
        var previous = before
        for v in all {
            total += Self.punctuationCorrection(v)
            if let p = previous {
                if Self.isPunctuation(p), Self.isPunctuation(v), !Self.ordinaryPair(p, v) { total -= 3 }
                if !documentPairs.isEmpty, LanguageModel.isHan(p), LanguageModel.isHan(v),
                   let n = documentPairs[UInt64(p) << 32 | UInt64(v)], n >= 2 {
                    total += 2
                }
            }
            previous = v
        }
        // Quote balance across the line.
        var open = openQuotes
        var unbalanced = 0
        var single = 0
        for v in span {
            switch v {
            case 0x201C: open += 1
            case 0x201D: if open > 0 { open -= 1 } else { unbalanced += 1 }
            case 0x2018: single += 1
            case 0x2019: if single > 0 { single -= 1 } else { unbalanced += 1 }
            default: break
            }
        }
        unbalanced += abs(open - quotesAfter) + single
        total -= 3 * Double(unbalanced)
        return total
    }

    /// Counts the adjacent Han pairs of a text (the document cache).
    static func pairs(of s: [Unicode.Scalar]) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        var previous: UInt32 = 0
        for c in s {
            let v = c.value
            if LanguageModel.isHan(previous), LanguageModel.isHan(v) { counts[UInt64(previous) << 32 | UInt64(v), default: 0] += 1 }
            previous = v
        }
        return counts
    }

    static func isPunctuation(_ v: UInt32) -> Bool {
        opening.contains(v) || closing.contains(v) || clauseEnd.contains(v) || (0x3000...0x303F).contains(v)
            || (0xFF01...0xFF0F).contains(v) || v == 0xFF5E || v == 0x7E || (0x2010...0x2027).contains(v)
    }

    /// Pairs of punctuation marks that stand together in ordinary text.
    static func ordinaryPair(_ a: UInt32, _ b: UInt32) -> Bool {
        if opening.contains(b) { return !opening.contains(a) || a == b }
        if closing.contains(b) { return clauseEnd.contains(a) || closing.contains(a) }
        if clauseEnd.contains(b) {
            if closing.contains(a) { return true }
            if a == b { return a == 0x2026 || a == 0x2014 || a == 0x21 || a == 0x3F || a == 0xFF01 || a == 0xFF1F }
            let marks: Set<UInt32> = [0x21, 0x3F, 0xFF01, 0xFF1F]
            return marks.contains(a) && marks.contains(b)
        }
        return false
    }
}
