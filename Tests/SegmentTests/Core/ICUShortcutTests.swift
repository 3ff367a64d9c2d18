import TestSupport
import Testing
@testable import Segment

/// The segmenter skips ICU's iterators for simple texts (Han runs and
/// punctuation; sentences ended by 。！？). Whatever the text, the result
/// must be the one ICU's iterators give.
@Suite struct ICUShortcutTests {
    /// Pieces of Chinese-looking text, weighted towards the simple cases,
    /// with the characters that must send a text to ICU (full stops, digits,
    /// letters, kana, line breaks, combining marks, emoji) among them.
    static let pieces: [String] = [
        "中国", "发展", "的", "经济", "人民", "。", "！", "？", "，", "、", "：", "；", "“", "”", "「", "」",
        "（", "）", "《", "》", "——", "……", "·", "%", "％", "'", "\"", "(", ")", "!", "?", ",", ":", ";",
        " ", "  ", "　", "\u{2002}", "\t", "。”", "！）", "？」", "。 ", "＂", "～", "￥", "\u{3007}", "𠀀",
        "3", "１２", "2020", "abc", "Ab", "B", "COVID", "x2", "9a", "COVID19", "ｂ",
        ".", "．", "3.5", "1,000", "don't", "_", "カタ", "ひら", "한", "\n", "e\u{301}", "😀", "\u{200D}", "\u{E000}", "é", "@", "a@b", "#", "$", "+", "&", "·", "．５",
        "http://", "a:", ":b", "1.", ".5", "&lt;", "br", "T10:", "R9392", "2x", "a1b", "::", "..", "', '", "x", "7",
        "www.", ".com", "a.b", "a.1", "1.b", "x2.5", "2.5x", "1,2", ";", "'s", "’", "·", "1.2.3", "a..b", "1;1", "a;b",
    ]

    @Test func shortcutsGiveICUsSentencesAndWords() throws {
        let fast = try Fixtures.segmenter()
        let icu = try Fixtures.segmenter()
        icu.usesShortcuts = false
        var random = SplitMix(state: 7_2024_11)
        var simple = 0
        for round in 0..<4000 {
            var text = ""
            // Most rounds only from the simple part of the list.
            let limit = round % 3 == 0 ? Self.pieces.count : Self.pieces.firstIndex(of: ".")!
            for _ in 0..<random.int(in: 1..<24) { text += Self.pieces[random.int(in: 0..<limit)] }
            let scalars = text.unicodeScalars.map(\.value)
            #expect(try fast.segment(scalars: scalars) == icu.segment(scalars: scalars), "\(text.debugDescription)")
            var segments = Lattice.ICUSegments()
            segments.reset(count: scalars.count)
            if Segmenter.breakSimply(scalars, into: &segments) { simple += 1 }
        }
        // The shortcut must actually have been taken, or the test proves nothing.
        #expect(simple > 500, "only \(simple) rounds took the shortcut")
    }

    /// Letters, digits and the characters that join them, densely mixed:
    /// where the shortcut builds runs across joiners (a.b, 3.5) itself.
    static let runPieces: [String] = [
        "a", "Z", "x", "b", "1", "7", "0", "42", "中", "文", ".", ",", ";", ":", "'", "’", "·", "/", "-", "_",
        " ", "@", "&", "%", "，", "。", "．", "：", "ａ", "３", "_", "__", "＿", "a_", "_1",
    ]

    @Test func runsAcrossJoinersMatchICU() throws {
        let fast = try Fixtures.segmenter()
        let icu = try Fixtures.segmenter()
        icu.usesShortcuts = false
        var random = SplitMix(state: 2026_11_23)
        var simple = 0
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<random.int(in: 1..<16) { text += Self.runPieces[random.int(in: 0..<Self.runPieces.count)] }
            let scalars = text.unicodeScalars.map(\.value)
            #expect(try fast.segment(scalars: scalars) == icu.segment(scalars: scalars), "\(text.debugDescription)")
            var segments = Lattice.ICUSegments()
            segments.reset(count: scalars.count)
            if Segmenter.breakSimply(scalars, into: &segments) { simple += 1 }
        }
        #expect(simple > 2000, "only \(simple) rounds took the shortcut")
    }

    @Test func textsWithKanaMarksOrRareLettersGoToICU() {
        var segments = Lattice.ICUSegments()
        for text in ["中国。", "好，“走”！", "3个", "B超", "2020年1月27日", "COVID-19疫情", "x2", "9a", "COVID19", "见http://", "R9392：", "3.", "a, b", "3.5个", "1,000", "don't", "a.b", "x.1", "www.w3.org", "&lt;br", "a_b", "__init__"] {
            let scalars = text.unicodeScalars.map(\.value)
            segments.reset(count: scalars.count)
            #expect(Segmenter.breakSimply(scalars, into: &segments), "\(text)")
        }
        for text in ["カタ", "e\u{301}", "\u{E000}中", "é"] {
            let scalars = text.unicodeScalars.map(\.value)
            segments.reset(count: scalars.count)
            #expect(!Segmenter.breakSimply(scalars, into: &segments), "\(text)")
        }
    }
}
