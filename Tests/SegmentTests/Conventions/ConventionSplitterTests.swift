import Testing
@testable import Segment

/// `--convention ud`: the lattice's words cut where Universal Dependencies cuts them.
@Suite struct ConventionSplitterTests {
    func tokens(_ text: String, _ convention: SegmentConvention) throws -> [String] {
        try Fixtures.segmenter(convention: convention).tokens(text)
    }

    @Test func numbersGiveUpTheirCalendarUnits() throws {
        let text = "他于2009年3月5日抵达"
        #expect(try tokens(text, .pku).contains("2009年"))
        let ud = try tokens(text, .ud)
        for piece in ["2009", "年", "3", "月", "5", "日"] { #expect(ud.contains(piece), "\(piece) in \(ud)") }
        #expect(!ud.contains("2009年"))
        // Chinese numerals too; full-width digits through the normalised text.
        #expect(try tokens("二〇〇一年十二月", .ud).starts(with: ["二〇〇一", "年", "十二", "月"]))
        #expect(try tokens("２０２０年", .ud) == ["２０２０", "年"])
    }

    @Test func placesAndDerivedWordsGiveUpTheirSuffix() throws {
        let ud = try tokens("天津市的参赛者推动了现代化", .ud)
        for piece in ["天津", "市", "参赛", "者", "现代", "化"] { #expect(ud.contains(piece), "\(piece) in \(ud)") }
        let pku = try tokens("天津市的参赛者推动了现代化", .pku)
        #expect(pku.contains("天津市") && pku.contains("参赛者"))
        // A two-character word is never cut: its stem would be one character.
        #expect(try tokens("记者来了", .ud).contains("记者"))
    }

    @Test func demonstrativesLeaveTheirMeasureWord() throws {
        let ud = try tokens("这种方法在这里很常见", .ud)
        #expect(ud.starts(with: ["这", "种", "方法"]))
        #expect(ud.contains("这里"))
        #expect(try tokens("这些人", .ud).contains("这些"))
    }

    @Test func traditionalTextFollowsTheSameRules() throws {
        #expect(try tokens("臺北市這種做法", .ud).starts(with: ["臺北", "市", "這", "種"]))
    }
}
