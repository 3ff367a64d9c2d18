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
        var text = try record.string("text")
        let result: Segmenter.Result = try text.withUTF8 { bytes in
            let count = decode(bytes)
            return try scalars.withUnsafeBufferPointer { try segmenter.segment(scalars: UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
        let tokens = result.tokens
        let tokensJSON = text.withUTF8 { bytes in
            byteOffsets.withUnsafeBufferPointer { offsets in
                tokens.withUnsafeBufferPointer { tokens in
                    JSONWriter.stringArray(count: tokens.count, slicing: bytes) { k in
                        (Int(offsets[tokens[k].start]), Int(offsets[tokens[k].end]))
                    }
                }
            }
        }
        let kindsJSON = kindLiterals.withUnsafeBufferPointer { literals in
            tokens.withUnsafeBufferPointer { tokens in
                JSONWriter.rawArray(count: tokens.count) { k in literals[Int(tokens[k].kind.rawValue)] }
            }
        }
        var sentences = JSONWriter(capacity: result.sentences.count * 12 + 2)
        sentences.beginArray()
        for sentence in result.sentences {
            sentences.comma()
            sentences.beginArray()
            sentences.append(sentence.start)
            sentences.comma()
            sentences.append(sentence.end)
            sentences.endArray()
        }
        sentences.endArray()
        record.set("sentences", json: sentences.bytes)
        record.set("tokens", json: tokensJSON)
        record.set("token_kinds", json: kindsJSON)
    }

    /// Valid UTF-8 (a Swift String's) into scalars and their byte offsets, in
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
                var k = 0, m = 0
                while k < n {
                    offsets[m] = Int32(k)
                    let b0 = UInt32(bytes[k])
                    if b0 < 0x80 {
                        scalars[m] = b0
                        k += 1
                    } else if b0 < 0xE0 {
                        scalars[m] = (b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
                        k += 2
                    } else if b0 < 0xF0 {
                        scalars[m] = (b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                        k += 3
                    } else {
                        scalars[m] = (b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12 | UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F)
                        k += 4
                    }
                    m += 1
                }
                offsets[m] = Int32(n)
                return m
            }
        }
    }
}
