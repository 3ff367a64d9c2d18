import Testing
@testable import Segment

/// Numbers, percentages, dates and measure words come out in one consistent shape.
@Suite struct NumberTokenTests {
    func tokens(_ text: String) throws -> [String] {
        try Fixtures.segmenter().tokens(text)
    }

    @Test func decimalsPercentAndMagnitudeStayWholeAndMeasureWordsSplit() throws {
        let t = try tokens("产值增长23.4%，收入14.5萬元，新建1836個項目")
        #expect(t.contains("23.4%"))
        #expect(t.contains("14.5萬"))
        #expect(t.contains("元"))
        #expect(t.contains("1836"))
        #expect(t.contains("個"))
    }

    @Test func fullWidthDigitsBehaveLikeASCII() throws {
        let t = try tokens("增长２３．４％，共１８３６个，２０２０年１月２７日")
        #expect(t.contains("２３．４％"))
        #expect(t.contains("１８３６"))
        #expect(t.contains("２０２０年"))
        #expect(t.contains("１月"))
        #expect(t.contains("２７日"))
    }

    @Test func calendarDatesKeepTheirUnits() throws {
        #expect(try tokens("2020年1月27日") == ["2020年", "1月", "27日"])
        #expect(try tokens("10月17日上午") .prefix(2) == ["10月", "17日"])
        #expect(try tokens("二○○一年十二月三十一日") == ["二○○一年", "十二月", "三十一日"])
    }

    @Test func impossibleDatesAreNotDates() throws {
        let t = try tokens("第13月和第45日")
        #expect(!t.contains("13月"))
        #expect(!t.contains("45日"))
    }

    @Test func chinesePercentAndFractionsStayWhole() throws {
        #expect(try tokens("百分之三十的人").first == "百分之三十")
        #expect(try tokens("三分之一的土地").first == "三分之一")
    }

    @Test func numeralsAndMeasureWordsAreTwoTokens() throws {
        for (text, numeral, measure) in [("三个人", "三", "个"), ("两年前", "两", "年"), ("第一次", "第一", "次")] {
            let t = try tokens(text)
            #expect(t.prefix(2) == [numeral, measure][...], "\(text) -> \(t)")
        }
    }

    @Test func thousandsSeparatorsAndSignsStayInTheNumber() throws {
        let t = try tokens("共1,836人，气温-5度")
        #expect(t.contains("1,836"))
        #expect(t.contains("-5"))
    }
}
