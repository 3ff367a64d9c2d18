import Testing
@testable import Repair

@Suite struct LegacyCodecTests {
    @Test func roundTripsTextEachCharsetHolds() throws {
        let cases: [(LegacyCodec.Charset, String)] = [
            (.gb18030, "中华人民共和国，欢迎！€𠀀"), (.big5, "中華民國，歡迎光臨。"), (.windows1252, "café — “naïve” €"), (.latin1, "café ÿ"),
        ]
        for (charset, text) in cases {
            let codec = try LegacyCodec.shared(charset)
            let bytes = try #require(codec.encode(text.unicodeScalars), "\(charset)")
            #expect(bytes.withUnsafeBufferPointer { codec.decode($0) }.text == text, "\(charset)")
        }
    }

    @Test func knownByteValues() throws {
        let gbk = try LegacyCodec.shared(.gb18030)
        #expect(gbk.encode("中".unicodeScalars) == [0xD6, 0xD0])
        #expect(gbk.decodePair(0xC8, 0xD5) == "日")
        let big5 = try LegacyCodec.shared(.big5)
        #expect(big5.encode("中".unicodeScalars) == [0xA4, 0xA4])
        #expect(big5.canEncode("中") && !big5.canEncode("们"))
        #expect(LegacyCodec.charset(named: "GB2312") == .gb18030)
        #expect(LegacyCodec.charset(named: "cp950") == .big5)
    }
}
