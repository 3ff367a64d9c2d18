import Records

/// Segments records on one thread: reads `text`, writes `sentences`,
/// `tokens` and `token_kinds`.
///
/// The text is decoded once into scalars with the UTF-8 offset of each, so
/// every token is written as a slice of the original bytes (the text as
/// given, not its normalised form) without building a String per token.
final class SegmentProcessor: RecordProcessor {
    let segmenter: Segmenter
    private var scalars: [UInt32] = []
    private var byteOffsets: [Int32] = []
    /// Each kind's JSON literal (items of `token_kinds` are copies of them).
    private let kindLiterals: [UnsafeBufferPointer<UInt8>] = TokenKind.literalBuffers

    init(segmenter: Segmenter) {
        self.segmenter = segmenter
    }

    func process(_ record: inout Record) throws {
        let (sentences, tokens, kinds) = try record.withStringBytes("text") { bytes in
            let count = decode(bytes)
            let result = try scalars.withUnsafeBufferPointer { try segmenter.segment(scalars: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            return (Self.sentencesJSON(result.sentences), tokensJSON(result.tokens, bytes: bytes), kindsJSON(result.tokens))
        }
        record.set("sentences", json: sentences)
        record.set("tokens", json: tokens)
        record.set("token_kinds", json: kinds)
    }

    /// The tokens as JSON strings: slices of the text's bytes.
    private func tokensJSON(_ tokens: [Segmenter.Token], bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        byteOffsets.withUnsafeBufferPointer { offsets in
            tokens.withUnsafeBufferPointer { tokens in
                JSONWriter.stringArray(count: tokens.count, slicing: bytes) { k in
                    (Int(offsets[tokens[k].start]), Int(offsets[tokens[k].end]))
                }
            }
        }
    }

    private func kindsJSON(_ tokens: [Segmenter.Token]) -> [UInt8] {
        kindLiterals.withUnsafeBufferPointer { literals in
            tokens.withUnsafeBufferPointer { tokens in
                JSONWriter.rawArray(count: tokens.count) { k in literals[Int(tokens[k].kind.rawValue)] }
            }
        }
    }

    private static func sentencesJSON(_ pairs: [(start: Int, end: Int)]) -> [UInt8] {
        var sentences = JSONWriter(capacity: pairs.count * 12 + 2)
        sentences.beginArray()
        for sentence in pairs {
            sentences.comma()
            sentences.beginArray()
            sentences.append(sentence.start)
            sentences.comma()
            sentences.append(sentence.end)
            sentences.endArray()
        }
        sentences.endArray()
        return sentences.bytes
    }

    /// Valid UTF-8 (checked by the record's reader) into scalars and their byte offsets, in
    /// buffers kept from record to record; returns the number of scalars.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        // At most one scalar per byte.
        if scalars.count < n || byteOffsets.count <= n {
            scalars = [UInt32](repeating: 0, count: n * 2)
            byteOffsets = [Int32](repeating: 0, count: n * 2 + 1)
        }
        var scalars = self.scalars, byteOffsets = self.byteOffsets
        self.scalars = []; self.byteOffsets = []
        defer { self.scalars = scalars; self.byteOffsets = byteOffsets }
        return scalars.withUnsafeMutableBufferPointer { scalars in
            byteOffsets.withUnsafeMutableBufferPointer { offsets in
                UTF8Scalars.decode(bytes, into: scalars, offsets: offsets)
            }
        }
    }
}
