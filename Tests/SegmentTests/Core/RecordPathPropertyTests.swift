import Records
import TestSupport
import Testing
@testable import Segment

/// concat(tokens) == text for random Unicode, through the real JSON record
/// path: a JSON line is parsed into a Record, segmented, written, and the
/// written line parsed back.
@Suite struct RecordPathPropertyTests {
    /// Pieces of JSON string content: each is already escaped as JSON needs.
    static let pieces: [String] = [
        "中", "國", "发展", "经济", "的", "了", "，", "。", "、", "“", "”", "——", "……", "《", "》",
        "a", "Z", "abc", "B超", " ", "  ", "\\t", "\\n", "\\r\\n", "\\u3000", "\\u00a0",
        "1", "23.4", "%", "％", "１２", "．", "-", "年", "月", "日", "萬", "元", "个", "百分之", "三十", "○",
        "天津市", "参赛者", "这种", "这里", "2009年3月",
        "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "\\ud83d\\ude00", "e\\u0301", "漢\\u0301\\u0302", "\\u200d", "\\ufe0f",
        "\\ud800", "\\udfff", "\\udc00x", "𠀀", "𪚥", "ｱ", "カタカナ", "ひらがな", "한국어",
        "\\\"", "\\\\", "/", "\\/", "\\u0000", "\\u001f", "\\b", "\\f", "\u{7f}", "\u{2028}", "\u{fffd}",
    ]

    @Test(arguments: SegmentConvention.allCases)
    func tokensConcatenateToTheTextForRandomInput(convention: SegmentConvention) throws {
        let processor = SegmentProcessor(segmenter: try Fixtures.segmenter(convention: convention))
        var random = SplitMix(state: 20_240_601)
        for round in 0..<600 {
            var content = ""
            let count = round == 0 ? 0 : random.int(in: 0..<40)
            for _ in 0..<count { content += Self.pieces[random.int(in: 0..<Self.pieces.count)] }
            let line = "{\"doc\":\"p\",\"text\":\"\(content)\",\"extra\":[1,{\"k\":null}]}"
            var record = try Record(parsing: line)
            let text = try record.string("text")
            try processor.process(&record)
            // Back through the writer and the reader, as the next stage would see it.
            let reread = try Record(parsing: record.jsonLine)
            let tokens = try reread.stringArray("tokens")
            let kinds = try reread.stringArray("token_kinds")
            #expect(tokens.joined() == text, "round \(round): \(line)")
            #expect(kinds.count == tokens.count)
            #expect(kinds.allSatisfy { TokenKind.allCases.map(\.name).contains($0) })
            #expect(!tokens.contains(""))
            // Sentences are [start, end) pairs that tile the text.
            guard case .array(let sentences)? = try reread.value("sentences") else {
                Issue.record("sentences missing in round \(round)")
                continue
            }
            var at = 0
            for pair in sentences {
                guard case .array(let bounds) = pair, bounds.count == 2, let start = bounds[0].int, let end = bounds[1].int else {
                    Issue.record("bad sentence pair in round \(round)")
                    break
                }
                #expect(start == at && end > start)
                at = end
            }
            #expect(at == text.unicodeScalars.count)
            // Fields the stage does not own pass through, and a second run changes nothing.
            #expect(reread.keys.prefix(3) == ["doc", "text", "extra"])
            var again = reread
            try processor.process(&again)
            #expect(again.jsonLine == reread.jsonLine)
        }
    }
}
