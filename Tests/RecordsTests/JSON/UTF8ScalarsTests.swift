import Testing
import TestSupport
@testable import Records

/// The fast UTF-8 decoder agrees with Swift's own decoding, and a record's
/// text bytes read without a String are the text's UTF-8.
@Suite struct UTF8ScalarsTests {
    static let pieces = ["a", "中文", "é", "😀", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "𠀀", " ", ""]

    @Test func decodesLikeSwiftDoes() {
        var rng = SplitMix(state: 11)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<rng.int(in: 0..<20) { text += Self.pieces[rng.int(in: 0..<Self.pieces.count)] }
            let bytes = Array(text.utf8)
            var offsets = [Int32](repeating: -1, count: bytes.count + 1)
            var scalars = [UInt32](repeating: 0, count: bytes.count)
            let count = bytes.withUnsafeBufferPointer { b in
                scalars.withUnsafeMutableBufferPointer { s in
                    offsets.withUnsafeMutableBufferPointer { o in UTF8Scalars.decode(b, into: s, offsets: o) }
                }
            }
            #expect(Array(scalars[0..<count]) == text.unicodeScalars.map(\.value))
            // Each offset is where its scalar's bytes start; the last is the byte count.
            var at = 0
            for (k, scalar) in text.unicodeScalars.enumerated() {
                #expect(offsets[k] == Int32(at))
                at += String(scalar).utf8.count
            }
            #expect(offsets[count] == Int32(bytes.count))
            #expect(bytes.withUnsafeBufferPointer(UTF8Scalars.array) == text.unicodeScalars.map(\.value))
        }
    }

    @Test func recordTextBytesAreTheTextWithOrWithoutEscapes() throws {
        for (json, text) in [(#""经历 a""#, "经历 a"), (#""a\nb\u00e9\"""#, "a\nbé\""), (#""""#, "")] {
            let record = try Record(parsing: "{\"text\":\(json)}")
            let bytes = try record.withStringBytes("text") { Array($0) }
            #expect(bytes == Array(text.utf8))
        }
        let record = try Record(parsing: #"{"text":3,"doc":null}"#)
        #expect(throws: RecordError.wrongType(field: "text", expected: "a string", found: "a number")) {
            try record.withStringBytes("text") { _ in 0 }
        }
        #expect(throws: RecordError.missingField("para")) { try record.withStringBytes("para") { _ in 0 } }
    }

    @Test func validatingDecodeRefusesWhatIsNotUTF8() {
        func decode(_ bytes: [UInt8]) -> [UInt32]? {
            var out: [UInt32] = []
            return bytes.withUnsafeBufferPointer { UTF8Scalars.decode(validating: $0, into: &out) } ? out : nil
        }
        #expect(decode(Array("a中é😀".utf8)) == "a中é😀".unicodeScalars.map(\.value))
        #expect(decode([]) == [])
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                             [0xE4, 0xB8], [0x80], [0xFF], [0xE4, 0x41, 0x80]] {
            #expect(decode(bad) == nil, "\(bad)")
        }
    }
}
