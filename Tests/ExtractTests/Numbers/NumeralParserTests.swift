import Extract
import Records
import Testing

@Suite struct NumeralParserTests {
    @Test(arguments: [
        ("二十一", "21"), ("一百零五", "105"), ("一千零十", "1010"), ("三万五", "35000"), ("两千六", "2600"),
        ("一百二", "120"), ("十三万五", "135000"), ("4.5万", "45000"), ("2百03", "203"), ("三千万亿", "3000000000000000"),
        ("二〇二〇", "2020"), ("负零点五", "-0.5"), ("一点二五", "1.25"), ("捌拾陆元伍角", "86.5"), ("七亿零五十", "700000050"),
        ("1,234,567.5", "1234567.5"), ("廿八", "28"), ("两亿三千万", "230000000"),
    ])
    func reads(_ input: String, _ expected: String) {
        #expect(NumeralParser.parse(input) == DecimalValue(expected))
    }

    @Test(arguments: ["百二十", "点五", "五点", "十六十七", "一点点", "万一", "千万", "", "元"])
    func rejectsMalformed(_ input: String) {
        #expect(NumeralParser.parse(input) == nil)
    }

    @Test func strictRejectsColloquialReadings() {
        #expect(NumeralParser.parse("一二三", mode: .strict) == nil)
        #expect(NumeralParser.parse("一二三", mode: .normal) == DecimalValue(123))
        #expect(NumeralParser.parse("三百二", mode: .strict) == nil)
        #expect(NumeralParser.parse("三百二十", mode: .strict) == DecimalValue(320))
    }

    @Test func noBinaryFloatArtefacts() {
        // 0.1 + 0.2 style sums and long decimals stay exact.
        #expect(NumeralParser.parse("47.264287亿")?.description == "4726428700")
        #expect(NumeralParser.parse("0.3万")?.description == "3000")
        #expect(NumeralParser.parse("1.7")?.description == "1.7")
    }
}
