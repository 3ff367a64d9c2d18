import TestSupport
/// A seeded generator of extracted records for property tests: invented
/// names, places and organisations in Simplified and Traditional forms,
/// numbers in several units, repairs, flags and error records, documents of
/// random length.
struct RandomCorpus {
    /// The seeded generator (SplitMix64, shared by the test targets).
    typealias Generator = SplitMix

    static let people: [(String, String)] = [
        ("周海濤", "周海涛"), ("周海涛", "周海涛"), ("吳麗華", "吴丽华"), ("林小東", "林小东"), ("馬志剛", "马志刚"),
        ("孫曉紅", "孙晓红"), ("黃德明", "黄德明"), ("劉建平", "刘建平"), ("鄭雅琴", "郑雅琴"), ("高文斌", "高文斌"),
    ]
    static let places: [(String, String)] = [
        ("雲溪鄉", "云溪乡"), ("云溪乡", "云溪乡"), ("南岸區", "南岸区"), ("石橋村", "石桥村"), ("北山縣", "北山县"), ("柳河鎮", "柳河镇"),
    ]
    static let organisations: [(String, String)] = [
        ("南岸區衛生健康局", "南岸区卫生健康局"), ("柳河鎮人民政府", "柳河镇人民政府"), ("北山縣第一中學", "北山县第一中学"), ("石橋村委會", "石桥村委会"),
    ]
    static let roles = ["镇长", "局长", "村支书", "校长", "副县长"]
    static let fillers = ["召开会议，", "部署工作。", "检查了防疫情况，", "走访群众，", "强调落实责任。", "<script>alert(1)</script>", "=SUM(A1)\t", "\n"]

    static func pick<T>(_ items: [T], _ g: inout Generator) -> T { items[Int(g.next() % UInt64(items.count))] }

    /// `count` records over a few documents, ids in a random (not sorted) order.
    static func lines(count: Int, seed: UInt64) -> [String] {
        var g = Generator(seed: seed)
        var lines: [String] = []
        var doc = 0
        var para = 0
        let docPrefix = ["n", "a", "k", "c"]
        while lines.count < count {
            if para > 0 && g.next() % 4 == 0 { doc += 1; para = 0 }
            if g.next() % 23 == 0 { lines.append(errorRecordLine); continue }
            var text = ""
            var entities: [RecordFixture.Entity] = []
            for _ in 0..<Int(g.next() % 6) {
                text += pick(fillers, &g)
                switch g.next() % 4 {
                case 0:
                    let (t, n) = pick(people, &g)
                    entities.append(.per(t, n, role: g.next() % 3 == 0 ? pick(roles, &g) : nil)); text += t
                case 1: let (t, n) = pick(places, &g); entities.append(.loc(t, n)); text += t
                case 2: let (t, n) = pick(organisations, &g); entities.append(.org(t, n)); text += t
                default: let d = "\(1 + g.next() % 12)月\(1 + g.next() % 28)日"; entities.append(.date(d)); text += d
                }
            }
            var numbers: [RecordFixture.Number] = []
            for _ in 0..<Int(g.next() % 3) {
                let whole = g.next() % 100_000, cents = g.next() % 100
                switch g.next() % 4 {
                case 0: numbers.append(.init(text: "\(whole).\(cents)元", value: "\(whole).\(cents)", unit: "元", kind: "money"))
                case 1: numbers.append(.init(text: "\(whole)万元", value: "\(whole)", unit: "万元", kind: "money"))
                case 2: numbers.append(.init(text: "约\(whole)人", value: "\(whole)", unit: "人", kind: "count", approx: true))
                default: numbers.append(.init(text: "\(whole)至\(whole + cents)吨", value: "\(whole)", unit: "吨", kind: "weight", max: "\(whole + cents)"))
                }
                text += numbers.last!.text
            }
            let fixture = RecordFixture(
                doc: "\(docPrefix[doc % docPrefix.count])\(doc)", para: para, text: text, entities: entities, numbers: numbers,
                repairs: g.next() % 5 == 0 ? ["mojibake"] : [], flags: g.next() % 7 == 0 ? ["number-missing"] : []
            )
            lines.append(fixture.jsonLine)
            para += 1
        }
        return lines
    }
}
