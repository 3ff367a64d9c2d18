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
    private let kindLiterals: [[UInt8]] = TokenKind.allCases.map(\.jsonLiteral)

    init(segmenter: Segmenter) {
        self.segmenter = segmenter
    }

    func process(_ record: inout Record) throws {
        var text = try record.string("text")
        let result: Segmenter.Result = try text.withUTF8 { bytes in
            decode(bytes)
            return try segmenter.segment(scalars: scalars)
        }
        var tokens = JSONWriter(capacity: text.utf8.count + result.tokens.count * 4 + 2)
        var kinds = JSONWriter(capacity: result.tokens.count * 10 + 2)
        tokens.beginArray()
        kinds.beginArray()
        text.withUTF8 { bytes in
            for token in result.tokens {
                tokens.comma()
                let slice = UnsafeBufferPointer(rebasing: bytes[Int(byteOffsets[token.start])..<Int(byteOffsets[token.end])])
                tokens.appendStringLiteral(utf8: slice)
                kinds.comma()
                kinds.appendRaw(kindLiterals[Int(token.kind.rawValue)])
            }
        }
        tokens.endArray()
        kinds.endArray()
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
        record.set("tokens", json: tokens.bytes)
        record.set("token_kinds", json: kinds.bytes)
    }

    /// Valid UTF-8 (a Swift String's) into scalars and their byte offsets.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scalars = self.scalars, byteOffsets = self.byteOffsets
        self.scalars = []; self.byteOffsets = []
        defer { self.scalars = scalars; self.byteOffsets = byteOffsets }
        scalars.removeAll(keepingCapacity: true)
        byteOffsets.removeAll(keepingCapacity: true)
        var k = 0
        let n = bytes.count
        while k < n {
            byteOffsets.append(Int32(k))
            let b0 = UInt32(bytes[k])
            if b0 < 0x80 {
                scalars.append(b0)
                k += 1
            } else if b0 < 0xE0 {
                scalars.append((b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F))
                k += 2
            } else if b0 < 0xF0 {
                scalars.append((b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F))
                k += 3
            } else {
                scalars.append((b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12 | UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F))
                k += 4
            }
        }
        byteOffsets.append(Int32(n))
    }
}
