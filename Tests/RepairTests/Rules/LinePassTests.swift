import Testing
import Script
@testable import Repair

/// The line- and word-level passes: furniture, broken lines, joined paragraphs, censoring, missing numbers.
@Suite struct LinePassTests {
    let resources = RuleTestSupport.resources

    @Test func furnitureLinesMoveOutWithTheirKind() {
        let pass = PageFurniturePass(normalizer: resources.normalizer)
        let text = "某县\n首页 » 新闻 » 要闻\nabc123 - 2021/5/6 10:20:00\n原标题：春耕时节\n今年春耕工作进展顺利，各地抢抓农时。\n记者 王小明\n责任编辑：李四"
        let r = RuleTestSupport.repair(text, passes: [pass])
        #expect(r.text == "今年春耕工作进展顺利，各地抢抓农时。")
        #expect(r.notes.furniture.map(\.kind) == ["site-name", "breadcrumb", "timestamp", "original-title", "byline", "editor"])
        #expect(r.notes.furniture[4].text == "记者 王小明")
    }

    @Test func bodyLinesMentioningEditorsOrReportersStay() {
        let pass = PageFurniturePass(normalizer: resources.normalizer)
        let text = "记者在现场看到，群众排起了长队。\n责任编辑要对稿件负责，这是新闻工作的基本要求。\n会议现场"
        #expect(RuleTestSupport.repair(text, passes: [pass]).text == text)
    }

    @Test func aBreakInsideAWordIsJoinedAndParagraphBreaksStay() {
        let pass = BrokenLinePass(resources: resources)
        let r = RuleTestSupport.repair("加强工作调度，实现统\n\n一指挥，共整理各类台账。\n\n及时反应 周密部署\n\n1月21日，召开会议。", passes: [pass])
        #expect(r.text == "加强工作调度，实现统一指挥，共整理各类台账。\n\n及时反应 周密部署\n\n1月21日，召开会议。")
        #expect(r.repairs.map(\.kind) == ["broken-line"])
    }

    @Test func paragraphsRunTogetherAreSplitOnlyWhereTheyRepeat() {
        let pass = JoinedParagraphPass(minimumBoundaries: 2, minimumLength: 40)
        let r = RuleTestSupport.repair("第一段讲的是春耕工作的进展情况。 第二段讲的是秋收工作的准备情况。 第三段是图片说明 第四段讲总结。", passes: [pass])
        #expect(r.text.split(separator: "\n").count == 4)
        let heading = "身先士卒 群防群治 在此次工作中，大家都很努力，取得了很好的成绩和效果。"
        #expect(RuleTestSupport.repair(heading, passes: [pass]).text == heading)
    }

    @Test func censoredCharactersAreRestoredWhenTheWholePageAgrees() {
        let pass = CensoredCharacterPass(resources: resources)
        let r = RuleTestSupport.repair("社区*委书记带领大家工作。临时*支部组织*员干部参加活动。\n* 第一条\n3*4=12\n***", passes: [pass])
        #expect(r.text.hasPrefix("社区党委书记带领大家工作。临时党支部组织党员干部参加活动。"))
        #expect(r.text.hasSuffix("\n* 第一条\n3*4=12\n***"))
    }

    @Test func deletedNumbersAreFlaggedNeverInvented() {
        let pass = MissingNumberPass(resources: resources)
        let text = "志愿者从刚开始的人左右增加到现在的约人，组织起来，名党员干部、余名志愿者参加，三中初一班、班的同学也来了。共有20人参加，名单已公布。"
        let r = RuleTestSupport.repair(text, passes: [pass])
        #expect(r.text == text)
        let flagged = r.notes.flags.filter { $0.kind == "number-missing" }
        #expect(flagged.count == 5, "\(flagged)")
        let s = Array(text.unicodeScalars)
        #expect(flagged.allSatisfy { s[$0.start] != "2" && s[$0.start] != "单" })
    }
}

/// What clean text holds and the line passes must leave: credits inside a
/// newspaper's text, headings, code comments, a page's own note marks.
@Suite struct CleanLinePassTests {
    let resources = RuleTestSupport.resources

    @Test func creditLinesMoveOnlyWhereAPageShowsItIsAPage() {
        let pass = PageFurniturePass(normalizer: resources.normalizer)
        // A bracketed credit under a photo, in the middle of newspaper text, stays.
        let body = (1...6).map { "第\($0)段正文，讲述当天的新闻事件和各方的反应。" }
        let paper = (body[0..<3] + ["（本报记者李明摄）"] + body[3...]).joined(separator: "\n")
        #expect(RuleTestSupport.repair(paper, passes: [pass]).text == paper)
        // A short heading opening the text is not a site name without page chrome.
        let heading = "新年献词\n" + body.joined(separator: "\n")
        #expect(RuleTestSupport.repair(heading, passes: [pass]).text == heading)
        // A byline under the title moves; so does the same credit when the page has chrome.
        let article = "全心织牢防控网\n通讯员 王小明 李四\n" + body.joined(separator: "\n")
        let r = RuleTestSupport.repair(article, passes: [pass])
        #expect(r.notes.furniture.map(\.kind) == ["byline"])
        let page = (body[0..<3] + ["（本报记者李明摄）"] + body[3...] + ["责任编辑：王五"]).joined(separator: "\n")
        #expect(RuleTestSupport.repair(page, passes: [pass]).notes.furniture.map(\.kind) == ["byline", "editor"])
    }

    @Test func markupDocumentsKeepTheirLines() {
        let passes: [any RepairPass] = [PageFurniturePass(normalizer: resources.normalizer), BrokenLinePass(resources: resources),
                                        JoinedParagraphPass(minimumBoundaries: 2, minimumLength: 20)]
        let page = "<html><body>\n<div>首页 » 新闻 » 要闻</div>\n<p>加强工作调度，实现统</p>\n\n<p>一指挥，共整理各类台账。</p>\n<p>记者 王小明</p>\n</body></html>"
        #expect(RuleTestSupport.repair(page, passes: passes).text == page)
    }

    @Test func starsThatAreNotCensorshipStay() {
        let pass = CensoredCharacterPass(resources: resources)
        let code = "typedef struct{/*坐标*/\nint x;/*迷宫的长度*/\n*用递归实现\n*没有调试信息"
        let c = RuleTestSupport.repair(code, passes: [pass])
        #expect(c.text == code)
        #expect(c.notes.flags.isEmpty)
        // A page's own note mark, explained on the page: no site says which character it hides.
        let notes = "出版年後有「＊」記號者，表示有中譯本。\n1901年＊俄國小說家\n1913年＊法國小說家\n1915年＊德國小說家\n1922年＊英國詩人"
        #expect(RuleTestSupport.repair(notes, passes: [pass]).text == notes)
    }
}
