import Testing
@testable import Segment

/// Words no lexicon lists: foreign names in pieces, names with a middle dot,
/// codes with hyphens, clock times and fractions.
@Suite struct UnknownWordTests {
    func tokens(_ text: String) throws -> [String] {
        try Fixtures.segmenter().tokens(text)
    }

    func string(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    @Test func aTransliterationCharacterBeforeAKnownForeignNameJoinsIt() throws {
        // Rare foreign-name entries (nrt, all characters typical) after a lone typical character.
        let lexicon = Fixtures.lexicon
        let typical = lexicon.transliteration
        let nrt = lexicon.table.tagCodes(["nrt"])
        var names: [[UInt32]] = []
        lexicon.table.forEachWordSlot { i in
            guard names.count < 40, nrt.contains(lexicon.table.slotTags[i]), lexicon.table.slots[i].length == 2 else { return }
            let key = Array(lexicon.table.key(ofSlot: i))
            if key.allSatisfy({ SegmentLexicon.sortedContains(typical, $0) }) { names.append(key) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        // Lone characters: typical, and rare or no words on their own.
        let lone = typical.filter { (lexicon.table.weight([$0]) ?? -100) < -12 }
        try #require(names.count >= 10 && lone.count >= 10)
        let segmenter = try Fixtures.segmenter()
        var tried = 0, joined = 0
        for (k, name) in names.enumerated() {
            let whole = [lone[(k * 7) % lone.count]] + name
            // Only where no lexicon word spans the seam.
            if lexicon.table.contains(Array(whole[0...1])) || lexicon.table.contains(whole) { continue }
            tried += 1
            let text = "我们欢迎" + string(whole) + "。"
            if try segmenter.segment(text).tokens.contains(where: { $0.start == 4 && $0.end == 7 }) { joined += 1 }
        }
        try #require(tried >= 8)
        #expect(Double(joined) >= Double(tried) * 0.9, "\(joined) of \(tried)")
    }

    @Test func twoKnownNamesSideBySideStayTwo() throws {
        // Both pieces are dictionary names: nothing says they are one.
        let t = try tokens("克林顿和叶利钦会谈")
        #expect(t.contains("克林顿"))
        #expect(t.contains("叶利钦"))
    }

    @Test func aForeignNameWithAMiddleDotIsOneWord() throws {
        #expect(try tokens("菲德尔·卡斯特罗发表讲话").first == "菲德尔·卡斯特罗")
        #expect(try tokens("约翰・史密斯来了").first == "约翰・史密斯")
        // Between ordinary words the dot stays a token of its own.
        #expect(try tokens("中国·北京").contains("·"))
    }

    @Test func hyphenatedCodesAreOneTokenAndNumberRangesThree() throws {
        #expect(try tokens("发射NX-01飞船").contains("NX-01"))
        #expect(try tokens("COVID-19疫情").contains("COVID-19"))
        let range = try tokens("1927-1994年间")
        #expect(range.contains("-"))
        #expect(try tokens("约50-60%").contains("60%"))
    }

    @Test func clockTimesFractionsAndDottedDaysStayWhole() throws {
        #expect(try tokens("会议9:30开始").contains("9:30"))
        #expect(try tokens("在23:59:59结束").contains("23:59:59"))
        #expect(try tokens("占3/4的份额").contains("3/4"))
        #expect(try tokens("３／４").count == 1)
        #expect(try tokens("3·15晚会").first == "3·15")
        // Not a time: three digits after the colon.
        #expect(!(try tokens("比分1:234").contains("1:234")))
    }

    @Test func urlsAndEmailAddressesAreOneToken() throws {
        let t = try tokens("访问https://www.gov.cn/zhengce/2020-01.html，或写信至info@example.com.cn。")
        #expect(t.contains("https://www.gov.cn/zhengce/2020-01.html"))
        #expect(t.contains("info@example.com.cn"))
        // Sentence punctuation after a URL is not part of it.
        #expect(try tokens("见www.example.org.").contains("www.example.org"))
    }

    @Test func aYearWrittenInMixedDigitsIsOneToken() throws {
        #expect(try tokens("二００一年新年").first == "二００一年")
    }
}
