import ICUBridge

/// Sentence boundaries computed without ICU's iterator for the texts where
/// UAX #29's sentence rules reduce to a few: no paragraph separator, and no
/// combining or format character.
///
/// Why: most Chinese paragraphs end their sentences with 。！？ or a full
/// stop and contain none of those, and running ICU's sentence iterator over
/// every paragraph costs a tenth of the segment stage. Without separators
/// and ignorable characters, the rules that decide are SB6 to SB11: a full
/// stop (ATerm) before a digit (3.5), or between letters before a capital
/// (U.S.A), or followed — past closing punctuation, spaces and anything but
/// letters and terminators — by a lower-case letter (Mr. and mrs. wang)
/// ends nothing; after any terminator, closing punctuation and then spaces
/// stay in the sentence, and a break follows unless the next character
/// continues it (SContinue, such as a comma) or is another terminator.
/// Character classes come from ICU's own Sentence_Break property, and tests
/// compare the result with ICU's iterator on random text. Any other text
/// returns nil: ask ICU.
public struct SimpleSentenceBreaker: Sendable {
    public static let shared = SimpleSentenceBreaker()

    enum Class: UInt8 {
        case other, fullStop, terminator, close, space, continuation, upper, lower, otherLetter, numeric, unsupported
    }

    private let classes: [Class]

    private init() {
        classes = (0..<UInt32(0x10000)).map { c in
            switch zh_sentence_break(c) {
            case 1: return .fullStop        // U_SB_ATERM
            case 9: return .terminator      // U_SB_STERM
            case 2: return .close           // U_SB_CLOSE
            case 8: return .space           // U_SB_SP
            case 14: return .continuation   // U_SB_SCONTINUE
            case 10: return .upper          // U_SB_UPPER
            case 4: return .lower           // U_SB_LOWER
            case 6: return .otherLetter     // U_SB_OLETTER
            case 5: return .numeric         // U_SB_NUMERIC
            case 3, 7, 11, 12, 13: return .unsupported  // Format, Sep, CR, Extend, LF
            default: return .other          // Other
            }
        }
    }

    /// The sentences of `text` (scalar values) as [start, end) pairs, or nil
    /// when the text needs ICU's full rules.
    public func sentences(_ text: UnsafeBufferPointer<UInt32>) -> [(start: Int, end: Int)]? {
        let n = text.count
        return classes.withUnsafeBufferPointer { classes -> [(start: Int, end: Int)]? in
            @inline(__always) func kind(_ c: UInt32) -> Class { c < 0x10000 ? classes[Int(c)] : .unsupported }
            for c in text where kind(c) == .unsupported { return nil }
            var pairs: [(start: Int, end: Int)] = []
            pairs.reserveCapacity(8)  // one allocation for a paragraph's usual few sentences, not one per doubling
            var start = 0, i = 0
            while i < n {
                let here = kind(text[i])
                guard here == .terminator || here == .fullStop else { i += 1; continue }
                if here == .fullStop && i + 1 < n {
                    let after = kind(text[i + 1])
                    // SB6: 3.5; SB7: U.S.A (a letter before, a capital after).
                    if after == .numeric || (after == .upper && i > 0 && (kind(text[i - 1]) == .upper || kind(text[i - 1]) == .lower)) {
                        i += 1
                        continue
                    }
                }
                var k = i + 1
                while k < n && kind(text[k]) == .close { k += 1 }   // SB9
                while k < n && kind(text[k]) == .space { k += 1 }   // SB10
                guard k < n else { break }
                if here == .fullStop && Self.lowerFollows(text, from: k, kind: kind) {  // SB8
                    i = k
                    continue
                }
                let next = kind(text[k])
                if next != .continuation && next != .terminator && next != .fullStop {   // SB8a, else SB11
                    pairs.append((start, k))
                    start = k
                }
                i = k
            }
            if start < n || pairs.isEmpty { pairs.append((start, n)) }
            return pairs
        }
    }

    /// SB8: after a full stop, its closing punctuation and spaces, whether
    /// the first letter or terminator ahead is a lower-case letter.
    @inline(__always)
    static func lowerFollows(_ text: UnsafeBufferPointer<UInt32>, from k: Int, kind: (UInt32) -> Class) -> Bool {
        var p = k
        while p < text.count {
            switch kind(text[p]) {
            case .lower: return true
            case .upper, .otherLetter, .terminator, .fullStop, .unsupported: return false
            default: p += 1
            }
        }
        return false
    }
}
