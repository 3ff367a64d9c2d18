import ICUBridge

/// Sentence boundaries computed without ICU's iterator for the texts where
/// UAX #29's sentence rules reduce to a few: no full stop of the ATerm kind
/// (`.`), no paragraph separator, and no combining or format character.
///
/// Why: most Chinese paragraphs end their sentences with 。！？ and contain
/// none of those, and running ICU's sentence iterator over every paragraph
/// costs a tenth of the segment stage. With only STerm as a terminator, the
/// rules that decide are SB8a to SB11: after a terminator, closing
/// punctuation and then spaces stay in the sentence, and a break follows
/// unless the next character continues the sentence (SContinue, such as a
/// comma) or is another terminator. Character classes come from ICU's own
/// Sentence_Break property, and tests compare the result with ICU's
/// iterator on random text. Any other text returns nil: ask ICU.
public struct SimpleSentenceBreaker: Sendable {
    public static let shared = SimpleSentenceBreaker()

    enum Class: UInt8 {
        case other, terminator, close, space, continuation, unsupported
    }

    private let classes: [Class]

    private init() {
        classes = (0..<UInt32(0x10000)).map { c in
            switch zh_sentence_break(c) {
            case 9: return .terminator      // U_SB_STERM
            case 2: return .close           // U_SB_CLOSE
            case 8: return .space           // U_SB_SP
            case 14: return .continuation   // U_SB_SCONTINUE
            case 1, 3, 7, 11, 12, 13: return .unsupported  // ATerm, Format, Sep, CR, Extend, LF
            default: return .other          // Other, Lower, Upper, OLetter, Numeric
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
            var start = 0, i = 0
            while i < n {
                guard kind(text[i]) == .terminator else { i += 1; continue }
                var k = i + 1
                while k < n && kind(text[k]) == .close { k += 1 }   // SB9
                while k < n && kind(text[k]) == .space { k += 1 }   // SB10
                guard k < n else { break }
                let next = kind(text[k])
                if next != .continuation && next != .terminator {   // SB8a, else SB11
                    pairs.append((start, k))
                    start = k
                }
                i = k
            }
            if start < n || pairs.isEmpty { pairs.append((start, n)) }
            return pairs
        }
    }
}
