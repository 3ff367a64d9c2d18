import Extract
import Testing

@Suite struct EntityRulesTests {
    func entities(_ text: String) -> [EntityMention] { Fixture.extractor.extract(text).entities }

    func find(_ text: String, _ type: EntityMention.Kind, _ surface: String) -> EntityMention? {
        let scalars = Array(text.unicodeScalars)
        return entities(text).first { e in
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[e.start..<e.end])
            return e.type == type && String(v) == surface
        }
    }

    @Test func personWithTitleBeforeGetsRole() throws {
        let e = try #require(find("镇党委书记、镇长杨立伟到现场检查。", .person, "杨立伟"))
        #expect(e.role == "镇长")
    }

    @Test func personWithTitleAfterAndTraditionalScript() throws {
        let e = try #require(find("據悉，鄧建華書記表示將繼續推進。", .person, "鄧建華"))
        #expect(e.norm == "邓建华")
        #expect(e.role == "书记")
    }

    @Test func bylineNamesPeople() {
        let text = "记者 胡雪梅 通讯员 孙立新 报道"
        #expect(find(text, .person, "胡雪梅") != nil)
        #expect(find(text, .person, "孙立新") != nil)
    }

    @Test func partialNames() throws {
        let a = try #require(find("村民吴某某因发热就诊。", .person, "吴某某"))
        #expect(a.partial)
        let b = try #require(find("小刘说明天再来。", .person, "小刘"))
        #expect(b.partial)
    }

    @Test func divisionsFormOneChainedPlace() throws {
        let e = try #require(find("地点在杭州市西湖区北山街道。", .location, "杭州市西湖区北山街道"))
        #expect(e.chain?.first == "杭州市")
        #expect((e.chain?.count ?? 0) >= 3)
    }

    @Test func countriesAndAbbreviations() {
        #expect(find("德国总理访问了巴西。", .location, "德国") != nil)
        #expect(find("德国总理访问了巴西。", .location, "巴西") != nil)
        #expect(find("中俄两国签署协定。", .location, "俄") != nil)
    }

    @Test func organisationBySuffixWithPlacePrefix() {
        #expect(find("由杭州明达电子科技有限公司承建。", .organisation, "杭州明达电子科技有限公司") != nil)
        #expect(find("区卫生健康委员会发出通知", .organisation, "区卫生健康委员会") != nil || find("区卫生健康委员会发出通知", .organisation, "卫生健康委员会") != nil)
    }

    @Test func abbreviationLinkedToFullName() throws {
        let text = "县公共资源交易中心（以下简称交易中心）发布公告，交易中心将于下周开标。"
        let all = entities(text).filter { $0.fullName != nil }
        #expect(all.count == 2)
        #expect(all.first?.fullName == "县公共资源交易中心" || all.first?.fullName == "公共资源交易中心")
    }

    @Test func datesAreNormalisedAndYearCarries() throws {
        var year: Int? = nil
        _ = Fixture.extractor.extract("2021年工作总结", year: &year)
        #expect(year == 2021)
        let later = Fixture.extractor.extract("3月5日（正月二十二）上午", year: &year)
        let date = try #require(later.entities.first { $0.type == .date })
        #expect(date.norm == "2021-03-05")
        #expect(later.entities.contains { $0.type == .date && $0.calendar == "lunar" })
    }

    @Test func timesOfDay() throws {
        let e = try #require(entities("当晚下午4时半召开会议").first { $0.type == .time })
        #expect(e.norm == "T16:30")
    }
}
