import Foundation
import Repair
import Testing

/// `zhpipe damage`: the same seed gives the same bytes (whatever --jobs is),
/// the damage really changes the text, and `zhpipe repair` undoes enough of
/// it that the character error rate falls.
@Suite(.serialized) struct DamageCommandTests {
    /// Clean paragraphs written for this test (plain news-style prose), one document each.
    static let clean = [
        "今天上午，市政府召开新闻发布会，介绍了全市道路建设的最新进展。",
        "工作人员表示，新建的公园将在下个月正式向市民开放，届时将举办一系列活动。",
        "据统计，今年前三个季度全市共接待游客八百多万人次，旅游收入比去年同期增长百分之十二。",
        "学校组织学生参观了科技馆，同学们对机器人展区特别感兴趣，纷纷提出问题。",
        "气象部门提醒，未来三天将有一次明显的降温过程，请市民注意保暖，出行时注意安全。",
        "这家工厂去年引进了新的生产线，产品质量明显提高，订单数量也比以前多了不少。",
        "图书馆延长了开放时间，周末晚上也可以借书和阅读，受到读者的普遍欢迎。",
        "村里修好了通往镇上的公路，农民把新鲜蔬菜运到市场上的时间缩短了一半。",
        "医院新开设了老年病门诊，每天上午有专家坐诊，方便附近的老人看病。",
        "比赛在体育中心举行，来自十二个县区的三百多名运动员参加了这次活动。",
    ]

    static var documents: String {
        clean.enumerated().map { #"{"doc":"d\#($0.offset)","text":"\#($0.element)"}"# }.joined(separator: "\n") + "\n"
    }

    /// Texts by document id, paragraphs of one document joined by a line break.
    static func texts(_ result: Zhpipe.Result) throws -> [String: String] {
        var byDoc: [String: [String]] = [:]
        var order: [String] = []
        for line in result.lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let doc = try #require(object["doc"] as? String)
            let text = try #require(object["text"] as? String)
            if byDoc[doc] == nil { order.append(doc) }
            byDoc[doc, default: []].append(text)
        }
        return byDoc.mapValues { $0.joined(separator: "\n") }
    }

    /// Levenshtein distance over Unicode scalars (the repair evaluation's own measure).
    static func editDistance(_ a: String, _ b: String) -> Int {
        TextMeasures.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Character error rate of texts by document against the clean paragraphs.
    static func errorRate(_ texts: [String: String]) -> Double {
        var errors = 0, characters = 0
        for (i, text) in clean.enumerated() {
            errors += editDistance(texts["d\(i)"] ?? "", text)
            characters += text.unicodeScalars.count
        }
        return Double(errors) / Double(characters)
    }

    @Test func theSameSeedGivesTheSameBytesWhateverTheThreads() throws {
        let once = try Zhpipe.run(["damage", "--seed", "7"], stdin: Self.documents)
        let again = try Zhpipe.run(["damage", "--seed", "7", "-j", "3"], stdin: Self.documents)
        let other = try Zhpipe.run(["damage", "--seed", "8"], stdin: Self.documents)
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.lines.count == Self.clean.count)
        #expect(once.stdout == again.stdout)
        #expect(once.stdout != other.stdout, "another seed gives other damage")
    }

    @Test func damageChangesTheTextAndKeepsTheOtherFields() throws {
        let input = #"{"doc":"x","url":"http://example.com/1","text":"\#(Self.clean[0])","n":[1,2.50]}"# + "\n"
        let result = try Zhpipe.run(["damage", "--seed", "3", "--label", "--mechanisms", "mojibake-utf8-as-gbk"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.lines.first)
        #expect(line.hasPrefix(#"{"doc":"x","url":"http://example.com/1","text":"#))
        #expect(line.contains(#""n":[1,2.50]"#), "other fields keep their bytes")
        #expect(line.hasSuffix(#""damage":"mojibake-utf8-as-gbk"}"#))
        let texts = try Self.texts(result)
        #expect(texts["x"] != Self.clean[0])

        let mixed = try Self.texts(try Zhpipe.run(["damage", "--seed", "1"], stdin: Self.documents))
        let changed = Self.clean.indices.filter { mixed["d\($0)"] != Self.clean[$0] }
        #expect(changed.count >= Self.clean.count / 2, "most documents are damaged: \(changed.count) of \(Self.clean.count)")
        #expect(Self.errorRate(mixed) > 0.05)
    }

    @Test func repairBringsTheCharacterErrorRateDown() throws {
        let damaged = try Zhpipe.run(["damage", "--seed", "7"], stdin: Self.documents)
        #expect(damaged.status == 0, "\(damaged.stderr)")
        let repaired = try Zhpipe.run(["repair", "--format", "jsonl"], stdin: damaged.stdout)
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let before = Self.errorRate(try Self.texts(damaged))
        let after = Self.errorRate(try Self.texts(repaired))
        #expect(before > 0.05, "the damage is real: CER \(before)")
        #expect(after < before / 2, "repair undoes most of it: CER \(before) -> \(after)")
    }

    @Test func textInputIsDamagedLineByLine() throws {
        let text = Self.clean.joined(separator: "\n") + "\n"
        let mechanisms = "mojibake-utf8-as-gbk,mojibake-gbk-as-big5"
        let result = try Zhpipe.run(["damage", "--format", "text", "--seed", "5", "--mechanisms", mechanisms], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == Self.clean.count)
        #expect(zip(result.lines, Self.clean).filter { $0 != $1 }.count == Self.clean.count, "every line is damaged")
        let again = try Zhpipe.run(["damage", "--format", "text", "--seed", "5", "--mechanisms", mechanisms], stdin: text)
        #expect(again.stdout == result.stdout)
    }

    @Test func aRateOfZeroLeavesTheTextAlone() throws {
        let result = try Zhpipe.run(["damage", "--rate", "0", "--label"], stdin: Self.documents)
        #expect(result.status == 0, "\(result.stderr)")
        let texts = try Self.texts(result)
        #expect(Self.errorRate(texts) == 0)
        #expect(result.lines.allSatisfy { $0.hasSuffix(#""damage":"none"}"#) })
    }

    @Test func listAndUnknownMechanisms() throws {
        let list = try Zhpipe.run(["damage", "--list"])
        #expect(list.status == 0)
        #expect(list.lines.contains("mojibake-utf8-as-gbk"))
        #expect(list.lines.contains { $0.hasPrefix("mirror-") })
        let unknown = try Zhpipe.run(["damage", "--mechanisms", "no-such-damage"], stdin: Self.documents)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no-such-damage"))
        let missingText = try Zhpipe.run(["damage"], stdin: #"{"doc":"x","body":"没有文本"}"# + "\n")
        #expect(missingText.status == 65)
        #expect(missingText.stderr.contains("<stdin>:1"))
    }
}
