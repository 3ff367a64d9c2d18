import Testing
@testable import Segment

/// The segmenter's behaviour on text in general: partition, kinds, scripts, sentences.
@Suite struct SegmenterTests {
    @Test func tokensPartitionTheText() throws {
        let segmenter = try Fixtures.segmenter()
        for text in ["今天天气很好。", "Hello, 世界! 123 abc", "  两个空格  ", "🇨🇳中国👍🏽好", "e\u{301}漢\u{301}字", ""] {
            let result = try segmenter.segment(text)
            var expectedStart = 0
            for token in result.tokens {
                #expect(token.start == expectedStart)
                #expect(token.end > token.start)
                expectedStart = token.end
            }
            #expect(expectedStart == text.unicodeScalars.count)
            #expect(try segmenter.tokens(text).joined() == text)
        }
    }

    @Test func kindsComeFromICUAndTheLattice() throws {
        let segmenter = try Fixtures.segmenter()
        let text = "ABC 123，经济发展"
        let result = try segmenter.segment(text)
        let kinds = result.tokens.map(\.kind)
        #expect(kinds.first == .letter)
        #expect(kinds.contains(.space))
        #expect(kinds.contains(.number))
        #expect(kinds.contains(.punctuation))
        #expect(kinds.last == .word)
    }

    @Test func lexiconWordsMayJoinPiecesICUSplits() throws {
        let t = try Fixtures.segmenter().tokens("他去做B超检查")
        #expect(t.contains("B超"))
    }

    @Test func repeatedDashesAndEllipsesAreOneToken() throws {
        let t = try Fixtures.segmenter().tokens("新世纪——新希望……好")
        #expect(t.contains("——"))
        #expect(t.contains("……"))
    }

    @Test func traditionalTextSegmentsLikeItsSimplifiedForm() throws {
        let segmenter = try Fixtures.segmenter()
        let pairs = [
            ("經濟發展與環境保護並重，這是我們的共識。", "经济发展与环境保护并重，这是我们的共识。"),
            ("臺灣的國際機場每年接待旅客數千萬人次", "台湾的国际机场每年接待旅客数千万人次"),
            ("圖書館舉辦了讀書會", "图书馆举办了读书会"),
        ]
        for (traditional, simplified) in pairs {
            let t = try segmenter.segment(traditional).tokens.map { [$0.start, $0.end] }
            let s = try segmenter.segment(simplified).tokens.map { [$0.start, $0.end] }
            #expect(t == s, "\(traditional)")
            #expect(try segmenter.tokens(traditional).joined() == traditional)
        }
    }

    @Test func sentencesCoverTheTextInOrder() throws {
        let text = "第一句话。第二句话！Third sentence? 第四句"
        let result = try Fixtures.segmenter().segment(text)
        #expect(result.sentences.count == 4)
        #expect(result.sentences.first?.start == 0)
        #expect(result.sentences.last?.end == text.unicodeScalars.count)
        for (a, b) in zip(result.sentences, result.sentences.dropFirst()) { #expect(a.end == b.start) }
    }

    @Test func unknownForeignNamesAreJoined() throws {
        // Names made of characters typical of transliterations, none of whose
        // pieces is a lexicon word: the lexicon cannot explain them.
        let lexicon = Fixtures.lexicon
        let characters = lexicon.transliteration.filter { !lexicon.table.contains([$0]) || (lexicon.table.weight([$0]) ?? 0) < -12 }
        try #require(characters.count >= 20)
        let segmenter = try Fixtures.segmenter()
        var tried = 0, joined = 0
        var k = 0
        while tried < 20 && k + 2 < characters.count {
            let name = [characters[k], characters[k + 1], characters[k + 2]]
            k += 3
            let pieces = [Array(name[0...1]), Array(name[1...2]), name]
            if pieces.contains(where: { lexicon.table.contains($0) }) { continue }
            tried += 1
            let text = "他会见了" + String(String.UnicodeScalarView(name.compactMap(Unicode.Scalar.init))) + "。"
            let tokens = try segmenter.segment(text).tokens
            if tokens.contains(where: { $0.start == 4 && $0.end == 7 }) { joined += 1 }
        }
        try #require(tried >= 10)
        #expect(joined == tried)
    }
}

/// Unknown Chinese personal names come out as one word.
@Suite struct PersonNameTests {
    @Test func namesMadeOfCommonNameCharactersAreOneWord() throws {
        let lexicon = Fixtures.lexicon
        let surnames = lexicon.names.surnameList.sorted { $0.1 > $1.1 }.prefix(12).map(\.0)
        let given = lexicon.names.givenList.sorted { $0.1 > $1.1 }.prefix(30).map(\.0)
        try #require(surnames.count >= 10 && given.count >= 30)
        let segmenter = try Fixtures.segmenter()
        var tried = 0, whole = 0
        var missed: [String] = []
        for (k, s) in surnames.enumerated() {
            let name = [s, given[(k * 7) % given.count], given[(k * 11 + 3) % given.count]]
            let pieces = [Array(name[0...1]), Array(name[1...2]), name]
            if name[1] == name[2] || pieces.contains(where: { lexicon.table.contains($0) }) { continue }
            tried += 1
            let text = "记者" + String(String.UnicodeScalarView(name.compactMap(Unicode.Scalar.init))) + "报道"
            if try segmenter.segment(text).tokens.contains(where: { $0.start == 2 && $0.end == 5 }) { whole += 1 } else { missed.append(text) }
        }
        try #require(tried >= 6)
        #expect(Double(whole) >= Double(tried) * 0.8, "\(missed)")
    }

    @Test func wordsTheLexiconKnowsAreNotTakenForNames() throws {
        // 张开 is a verb; 高度 a noun: both start with a common surname.
        let t = try Fixtures.segmenter().tokens("他张开双臂，高度重视")
        #expect(t.contains("张开"))
        #expect(t.contains("高度"))
    }
}
