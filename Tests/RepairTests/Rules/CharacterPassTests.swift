import Testing
@testable import Repair

/// The character-level rule passes: pinyin annotations, HTML remnants, lost characters.
@Suite struct CharacterPassTests {
    let resources = RuleTestSupport.resources

    func run(_ pass: any RepairPass, _ text: String) -> (text: String, repairs: [Repair], notes: RepairNotes) {
        RuleTestSupport.repair(text, passes: [pass])
    }

    @Test func pinyinAnnotationsGoWhenTheyAreReadingsOfTheirCharacter() {
        let pass = PinyinAnnotationPass(readings: resources.readings)
        let r = run(pass, "正經(jīng)歷著一場會(huì )議，長（cháng）大了")
        #expect(r.text == "正經歷著一場會議，長大了")
        #expect(r.repairs.count == 3)
        #expect(r.repairs.first.map { ($0.kind, $0.start, $0.end, $0.original) } ?? ("", 0, 0, "") == ("pinyin-annotation", 1, 2, "經(jīng)"))
    }

    @Test func glossesAndParenthesesInProseStay() {
        let pass = PinyinAnnotationPass(readings: resources.readings)
        for text in ["北京(Beijing)是首都", "經(zhōng)字", "会议(一)通过", "他(她)们", "见附件(2)。", "京(jīngjì)"] {
            #expect(run(pass, text).text == text, "\(text)")
        }
    }

    @Test func brokenTagsAndEntitiesAreRemovedWholeTagsAndProseStay() {
        let pass = HTMLRemnantPass()
        #expect(run(pass, "防范意识。”?/p>").text == "防范意识。”?")
        #expect(run(pass, "标题strong>正文").text == "标题正文")
        #expect(run(pass, "张三&amp;李四&nbsp;王五&#8220;好&#x201D;").text == "张三&李四王五“好”")
        #expect(run(pass, "末尾<p class=\"x\"").text == "末尾")
        for text in ["若a>b则成立", "温度>30度", "用<b>粗体</b>写", "A&B公司", "p>q"] {
            #expect(run(pass, text).text == text, "\(text)")
        }
        // A layout tag a scraper left in prose goes; an HTML document keeps its markup.
        #expect(run(pass, "第一段。<br>第二段。").text == "第一段。第二段。")
        let page = "<html><body>\n<p>正文&amp;内容</p>\n<div>其他</div>\n</body></html>"
        #expect(run(pass, page).text == page)
        #expect(run(pass, "<html><body>\n<p>防范意识。”?/p>\n<div>其他</div>\n</body></html>").text == "<html><body>\n<p>防范意识。”?\n<div>其他</div>\n</body></html>")
    }

    @Test func aLostCharacterWithItsReadingComesBack() {
        let pass = LostCharacterPass(resources: resources)
        let r = run(pass, "我们的工作?jīng)驗很丰富")
        #expect(r.text == "我们的工作經驗很丰富" || r.text == "我们的工作经驗很丰富")
        #expect(r.repairs.first?.kind == "lost-character")
    }

    @Test func lostCharactersWithoutEvidenceAreFlaggedAndQuestionMarksStay() {
        let pass = LostCharacterPass(resources: resources)
        let r = run(pass, "怎么办?他说\u{FFFD}\u{E001}。")
        #expect(r.text.hasPrefix("怎么办?他说"))
        #expect(r.notes.flags.filter { $0.kind == "unrecoverable" }.count >= 1)
        #expect(!r.text.unicodeScalars.contains { $0.value >= 0xE000 && $0.value <= 0xF8FF })
        #expect(run(pass, "真的吗?是的!").text == "真的吗?是的!")
    }
}
