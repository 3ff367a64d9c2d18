import Testing
@testable import ICU

/// The simple sentence breaker agrees with ICU's sentence iterator on every
/// text it accepts, and refuses the texts whose rules it does not implement.
@Suite struct SimpleSentenceBreakerTests {
    static let pieces: [String] = [
        "中国", "人民", "的", "。", "！", "？", "!", "?", "，", ",", "、", "：", ":", "；", ";", "“", "”", "\"",
        "'", "（", "）", "(", ")", "「", "」", "《", "》", " ", "　", "\t", "abc", "Xy", "12", "……", "——", "‼",
        ".", "．", "\n", "\r\n", "\u{2029}", "e\u{301}", "\u{200B}", "𠀀",
        "Mr", ". ", "U", "S", "a", "wang", "3", ".5", "e.g.", "A.", "b.", " the", "。”", ".)", "...", "www.", "com", "Ⅻ", "ǅ",
    ]

    @Test func agreesWithICUsIterator() throws {
        let icu = try BreakIterator(.sentence)
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<(1 + next(20)) { text += Self.pieces[next(Self.pieces.count)] }
            let scalars = text.unicodeScalars.map(\.value)
            guard let pairs = scalars.withUnsafeBufferPointer(SimpleSentenceBreaker.shared.sentences) else { continue }
            accepted += 1
            let cuts = try icu.boundaries(text)
            let expected = zip(cuts, cuts.dropFirst()).map { [$0, $1] }
            #expect(pairs.map { [$0.start, $0.end] } == expected, "\(text.debugDescription)")
        }
        #expect(accepted > 500)
    }

    @Test func refusesLineBreaksAndMarks() {
        for text in ["第一段\n第二段", "e\u{301}。", "Mr.\u{200B}Wang"] {
            let scalars = text.unicodeScalars.map(\.value)
            #expect(scalars.withUnsafeBufferPointer(SimpleSentenceBreaker.shared.sentences) == nil, "\(text)")
        }
        let scalars = "你好。我们走吧！好？".unicodeScalars.map(\.value)
        let pairs = scalars.withUnsafeBufferPointer(SimpleSentenceBreaker.shared.sentences)
        #expect(pairs?.map { [$0.start, $0.end] } == [[0, 3], [3, 8], [8, 10]])
        // Full stops: a decimal point and an abbreviation before a lower-case word end nothing.
        let stops = "价格3.5元. 他说 Mr. smith 来了. Then".unicodeScalars.map(\.value)
        let stopPairs = stops.withUnsafeBufferPointer(SimpleSentenceBreaker.shared.sentences)
        #expect(stopPairs?.map { [$0.start, $0.end] } == [[0, 8], [8, 25], [25, 29]])
    }
}
