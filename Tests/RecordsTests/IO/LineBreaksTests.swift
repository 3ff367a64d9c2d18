import Testing
@testable import Records

@Suite struct LineBreaksTests {
    /// The same answers as a byte-by-byte scan, at every start, for lines
    /// of every length around memchr's word and vector widths.
    @Test func agreesWithAByteByByteScan() {
        var bytes: [UInt8] = []
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100] {
            bytes += Array(repeating: UInt8(ascii: "x"), count: length) + [0x0A]
        }
        bytes += Array("尾行，无换行".utf8)
        for start in 0...bytes.count {
            var expected = start
            while expected < bytes.count && bytes[expected] != 0x0A { expected += 1 }
            #expect(LineBreaks.next(in: bytes, from: start) == expected, "from \(start)")
        }
    }

    @Test func stopsAtTheLimit() {
        let bytes = Array("ab\ncd\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(LineBreaks.next(in: buffer, from: 0, limit: 2) == 2)
            #expect(LineBreaks.next(in: buffer, from: 0, limit: 3) == 2)
            #expect(LineBreaks.next(in: buffer, from: 3, limit: 6) == 5)
            #expect(LineBreaks.next(in: buffer, from: 4, limit: 4) == 4)
        }
        #expect(LineBreaks.next(in: [], from: 0) == 0)
    }
}
