import Testing
@testable import ICU

@Suite struct BreakIteratorTests {
    @Test func wordBoundariesCoverTheText() throws {
        let words = try BreakIterator(.word)
        let text = "新冠肺炎疫情防控工作，2020年1月27日。"
        let cuts = try words.boundaries(text)
        #expect(cuts.first == 0)
        #expect(cuts.last == text.unicodeScalars.count)
        #expect(cuts.count > 4)
        #expect(cuts == cuts.sorted())
    }

    @Test func sentencesSplitAtFullStops() throws {
        let sentences = try BreakIterator(.sentence)
        let cuts = try sentences.boundaries("今天下雨。明天晴天！后天呢？")
        #expect(cuts == [0, 5, 10, 14])
    }

    @Test func scalarOffsetsCountEmojiOnce() throws {
        let words = try BreakIterator(.word)
        let cuts = try words.boundaries("a😀b")
        #expect(cuts.last == 3)
    }

    @Test func cloneWorksIndependently() throws {
        let words = try BreakIterator(.word)
        let copy = try words.clone()
        #expect(try copy.boundaries("中国人民") == words.boundaries("中国人民"))
    }

    @Test func utf8BoundariesMatchUTF16() throws {
        let words = try BreakIterator(.word)
        let text = "汉字 and 123 测试"
        let bytes = Array(text.utf8)
        let viaUTF8 = try bytes.withUnsafeBufferPointer { try words.boundaries(utf8: $0) }.boundaries
        // Convert byte offsets to scalar offsets to compare.
        var scalarAt: [Int: Int] = [0: 0]
        var byte = 0
        for (i, s) in text.unicodeScalars.enumerated() {
            byte += String(s).utf8.count
            scalarAt[byte] = i + 1
        }
        #expect(viaUTF8.map { scalarAt[$0]! } == (try words.boundaries(text)))
    }
}

@Suite struct ConverterTests {
    @Test func gbkRoundTrip() throws {
        let gbk = try Converter("GBK")
        let bytes = try gbk.encode("经历")
        #expect(bytes == [0xBE, 0xAD, 0xC0, 0xFA])
        #expect(try gbk.decode(bytes).string == "经历")
    }

    @Test func illegalBytesAreReportedWithOffsets() throws {
        let utf8 = try Converter("UTF-8")
        let decoded = try utf8.decode([0x61, 0xFF, 0x62, 0xC3])
        #expect(decoded.string == "a\u{FFFD}b\u{FFFD}")
        #expect(decoded.badByteOffsets == [1, 3])
    }

    @Test func unencodableBecomesSubstitute() throws {
        let gbk = try Converter("GBK")
        #expect(try gbk.encode("a😀b") == Array("a?b".utf8))
    }

    @Test func unknownCharsetFails() {
        #expect(throws: ICUError.self) { try Converter("no-such-charset-x") }
    }
}

@Suite struct DetectorAndTransliteratorTests {
    @Test func detectsGB18030() throws {
        let text = String(repeating: "全国上下齐心协力抗击疫情，社区工作人员坚守岗位。", count: 8)
        let bytes = try Converter("GB18030").encode(text)
        let matches = try CharsetDetector.detect(bytes)
        #expect(matches.first?.name == "GB18030")
    }

    @Test func traditionalToSimplified() throws {
        let t = try Transliterator("Traditional-Simplified")
        #expect(try t.transliterate("經歷疫情") == "经历疫情")
    }

    @Test func versionIsKnown() {
        #expect(ICULibrary.version.split(separator: ".").count >= 2)
    }
}
