/// A small hand-written corpus: three invented county reports, some in
/// Traditional script, with people, places, organisations, money, counts,
/// an approximate and a ranged number, repairs, flags and an error record.
enum SampleRecords {
    static let fixtures: [RecordFixture] = [
        RecordFixture(
            doc: "linjiang-a", para: 0,
            text: "2021年3月5日，臨江縣縣長王建國來到青石鎮衛生院調研，並與院長李秀英座談。",
            entities: [.date("2021年3月5日"), .loc("臨江縣", "临江县"), .per("王建國", "王建国", role: "县长"), .org("青石鎮衛生院", "青石镇卫生院"), .per("李秀英", role: "院长")],
            repairs: ["pinyin-annotation"]
        ),
        RecordFixture(
            doc: "linjiang-a", para: 1,
            text: "王建國指出，全縣今年投入資金14.5萬元，改造村道3.2公里，受益群眾約300人。",
            entities: [.per("王建國", "王建国"), .loc("全縣", "全县")],
            numbers: [
                .init(text: "14.5萬元", value: "145000", unit: "元", kind: "money"),
                .init(text: "3.2公里", value: "3.2", unit: "公里", kind: "length"),
                .init(text: "約300人", value: "300", unit: "人", kind: "count", approx: true),
            ],
            flags: ["number-missing"]
        ),
        RecordFixture(
            doc: "linjiang-b", para: 0,
            text: "青石镇党委书记陈志强介绍，镇卫生院新增床位20张，另拨付0.1万元和0.2元专项经费。",
            entities: [.loc("青石镇"), .per("陈志强", role: "党委书记"), .org("青石镇卫生院")],
            numbers: [
                .init(text: "20张", value: "20", unit: "张", kind: "count"),
                .init(text: "0.1万元", value: "0.1", unit: "万元", kind: "money"),
                .init(text: "0.2元", value: "0.2", unit: "元", kind: "money"),
            ],
            repairs: ["mojibake", "pinyin-annotation"]
        ),
        RecordFixture(
            doc: "linjiang-b", para: 1,
            text: "陈志强、李秀英一同走访了临江县东岭村，预计3至5天完成排查，覆盖率达12.5%。",
            entities: [.per("陈志强"), .per("李秀英"), .loc("临江县"), .loc("东岭村")],
            numbers: [
                .init(text: "3至5天", value: "3", unit: "天", kind: "duration", max: "5"),
                .init(text: "12.5%", value: "12.5", unit: "%", kind: "percent"),
            ],
            objectFlags: ["unrecoverable"]
        ),
        RecordFixture(
            doc: "linjiang-c", para: 0,
            text: "臨江縣人民政府辦公室發布通知，要求各鄉鎮於4月底前上報。",
            entities: [.org("臨江縣人民政府辦公室", "临江县人民政府办公室"), .date("4月底")]
        ),
        RecordFixture(
            doc: "linjiang-c", para: 1,
            text: "通知由縣政府辦公室主任趙明華簽發。",
            entities: [.per("趙明華", "赵明华", role: "主任")]
        ),
    ]

    static var lines: [String] {
        var lines = fixtures.map(\.jsonLine)
        lines.insert(errorRecordLine, at: 3)
        return lines
    }
}
