import ICU
import Records

/// Stage 2: sentences and words.
///
/// Adds `sentences` ([start, end) pairs of scalar offsets) and `tokens`
/// (strings whose concatenation is `text`), with `token_kinds` alongside
/// (word, number, letter, punctuation, space).
public struct SegmentStage: RecordStage {
    public let name = "segment"
    public let ownedFields = ["sentences", "tokens", "token_kinds"]

    public init() {}

    public func makeProcessor() throws -> any RecordProcessor {
        try SegmentProcessor()
    }
}

/// Segments records on one thread with its own ICU iterators.
final class SegmentProcessor: RecordProcessor {
    let words: BreakIterator
    let sentences: BreakIterator

    init() throws {
        words = try BreakIterator(.word)
        sentences = try BreakIterator(.sentence)
    }

    func process(_ record: inout Record) throws {
        let text = try record.string("text")
        let utf16 = Array(text.utf16)
        // UTF-16 offset -> scalar offset.
        var scalarAt = [Int](repeating: 0, count: utf16.count + 1)
        var scalar = 0
        for i in 0..<utf16.count {
            scalarAt[i] = scalar
            if !UTF16.isTrailSurrogate(utf16[i]) || i == 0 || !UTF16.isLeadSurrogate(utf16[i - 1]) { scalar += 1 } else { scalarAt[i] = scalar - 1 }
        }
        scalarAt[utf16.count] = scalar
        var tokens = JSONWriter(capacity: text.utf8.count * 2)
        var kinds = JSONWriter(capacity: 64)
        tokens.beginArray()
        kinds.beginArray()
        try utf16.withUnsafeBufferPointer { buffer in
            try words.withBoundaries(utf16: buffer) { cuts, statuses in
                for i in 1..<max(1, cuts.count) {
                    let piece = UnsafeBufferPointer(rebasing: buffer[Int(cuts[i - 1])..<Int(cuts[i])])
                    let token = String(decoding: piece, as: UTF16.self)
                    tokens.comma()
                    tokens.appendStringLiteral(token)
                    kinds.comma()
                    kinds.appendStringLiteral(Self.kind(of: token, status: statuses[i]))
                }
            }
        }
        tokens.endArray()
        kinds.endArray()
        var sentenceWriter = JSONWriter()
        sentenceWriter.beginArray()
        try utf16.withUnsafeBufferPointer { buffer in
            try sentences.withBoundaries(utf16: buffer) { cuts, _ in
                for i in 1..<max(1, cuts.count) {
                    sentenceWriter.comma()
                    sentenceWriter.beginArray()
                    sentenceWriter.comma(); sentenceWriter.append(scalarAt[Int(cuts[i - 1])])
                    sentenceWriter.comma(); sentenceWriter.append(scalarAt[Int(cuts[i])])
                    sentenceWriter.endArray()
                }
            }
        }
        sentenceWriter.endArray()
        record.set("sentences", json: sentenceWriter.bytes)
        record.set("tokens", json: tokens.bytes)
        record.set("token_kinds", json: kinds.bytes)
    }

    static func kind(of token: String, status: Int32) -> String {
        switch WordStatus(ruleStatus: status) {
        case .number: return "number"
        case .letter: return "letter"
        case .kana, .ideographic: return "word"
        case .none:
            if token.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "space" }
            return "punctuation"
        }
    }
}
