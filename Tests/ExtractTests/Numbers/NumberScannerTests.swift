import Extract
import Records
import Testing

@Suite struct NumberScannerTests {
    func numbers(_ text: String) -> [NumberMention] { Fixture.extractor.extract(text).numbers }

    func only(_ text: String) -> NumberMention? {
        let found = numbers(text)
        return found.count == 1 ? found[0] : nil
    }

    @Test func moneyWithChineseScale() throws {
        let m = try #require(only("共拨付防疫资金23.5萬元。"))
        #expect(m.value == DecimalValue(235000))
        #expect(m.unit == "元")
        #expect(m.kind == "money")
        #expect(m.approx == false)
    }

    @Test func classifiersGiveKindAndUnit() throws {
        let found = numbers("排查了47户，共126名居民，发放口罩300个。")
        #expect(found.map(\.value) == [DecimalValue(47), DecimalValue(126), DecimalValue(300)])
        #expect(found.map(\.unit) == ["户", "名", "个"])
        #expect(found.allSatisfy { $0.kind == "count" })
    }

    @Test func vagueAmountsAndRanges() throws {
        let adjacent = try #require(only("来了五六个人"))
        #expect(adjacent.value == DecimalValue(5) && adjacent.max == DecimalValue(6) && adjacent.approx)
        let teens = try #require(only("十几个志愿者"))
        #expect(teens.value == DecimalValue(11) && teens.max == DecimalValue(19))
        let near = try #require(only("收获近8000斤"))
        #expect(near.value == DecimalValue(8000) && near.approx && near.unit == "斤" && near.kind == "weight")
        let range = try #require(only("预计需要3到5万元"))
        #expect(range.value == DecimalValue(30000) && range.max == DecimalValue(50000) && range.unit == "元")
        let more = try #require(only("捐款4万余元"))
        #expect(more.value == DecimalValue(40000) && more.approx)
    }

    @Test func percentsFractionsOrdinals() throws {
        #expect(only("增长了百分之二十五")?.value == DecimalValue(25))
        #expect(only("增长了百分之二十五")?.unit == "%")
        #expect(only("提高了四成")?.value == DecimalValue(40))
        #expect(only("占五分之二")?.value == DecimalValue("0.4"))
        let ordinal = try #require(only("第三批物资"))
        #expect(ordinal.kind == "ordinal" && ordinal.value == DecimalValue(3) && ordinal.unit == "批")
    }

    @Test func datesAndTimes() throws {
        let found = numbers("2021年3月8日凌晨2时")
        #expect(found.map(\.kind) == ["date", "date", "date", "time"])
        #expect(found.map(\.value) == [DecimalValue(2021), DecimalValue(3), DecimalValue(8), DecimalValue(2)])
    }

    @Test(arguments: ["二〇〇一年", "二○○一年"])
    func yearsWrittenDigitByDigitWithEitherCircle(_ text: String) throws {
        let year = try #require(only(text))
        #expect(year.value == DecimalValue(2001) && year.kind == "date" && year.unit == "年")
    }

    @Test(arguments: ["○○年○○月○○日", "张〇〇同志", "罚款○○元"])
    func runsOfCirclesAloneMaskDigitsAndAreNotZero(_ text: String) {
        #expect(numbers(text).isEmpty, "\(text): \(numbers(text))")
    }

    @Test(arguments: ["奋战在一线", "大家一起去", "村两委班子", "三无人员", "万一出事", "一心一意为人民", "统一部署", "这是唯一的办法"])
    func wordsWithNumeralsAreNotQuantities(_ text: String) {
        #expect(numbers(text).isEmpty, "\(text): \(numbers(text))")
    }

    @Test func countsWithTheSameCharacters() {
        #expect(only("发生一起交通事故")?.value == DecimalValue(1))
        #expect(only("抓住四个方面")?.value == DecimalValue(4))
        #expect(only("抓住四个方面")?.unit == "个")
    }

    @Test func missingNumberIsFlaggedNotInvented() {
        let result = Fixture.extractor.extract("累计排查约人，组织余名志愿者。")
        #expect(result.missing.count == 2)
        #expect(result.numbers.isEmpty)
    }

    @Test func fullWidthAndSeparators() {
        #expect(only("收入１２，５００元")?.value == DecimalValue(12500))
        #expect(only("收入12,500.50元")?.value == DecimalValue("12500.5"))
    }
}
