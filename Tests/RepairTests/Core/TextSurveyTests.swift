import Testing
@testable import Repair

/// The one scan every pass decides on: classes present, markup documents, blank lines.
@Suite struct TextSurveyTests {
    func survey(_ text: String) -> TextSurvey { TextSurvey(Array(text.unicodeScalars)) }

    @Test func classesOfTheCharactersPresent() {
        let clean = survey("今天天气很好，我们去公园。")
        #expect(clean.classes.isDisjoint(with: [.question, .replacement, .privateUse, .star, .angle, .ampersand, .exclamation]))
        #expect(survey("日?qǐng)?bào)告").classes.isSuperset(of: [.question, .closeParenthesis]))
        #expect(survey("經(jīng)歷").classes.isSuperset(of: [.openParenthesis, .closeParenthesis]))
        #expect(survey("病*较量").classes.contains(.star))
        #expect(survey("a\u{FFFD}b\u{E000}").classes.isSuperset(of: [.replacement, .privateUse]))
        #expect(survey("ä¸­æ–‡").classes.contains(.latin))
    }

    @Test func markupDocumentsAreTold() {
        #expect(survey("<?xml version=\"1.0\"?>\n<feed>文字</feed>").isMarkup)
        #expect(survey("<p>一段</p>\n<div>二段</div>").isMarkup)
        // Prose with a stray tag or a comparison is prose.
        #expect(!survey("第一段。<br>第二段。").isMarkup)
        #expect(!survey("若a>b则成立，温度<30度").isMarkup)
        #expect(!survey("防范意识。”?/p>").isMarkup)
    }

    @Test func blankLinesAreSeen() {
        #expect(survey("实现统\n\n一指挥").hasBlankLine)
        #expect(survey("实现统\n \u{3000}\n一指挥").hasBlankLine)
        #expect(!survey("第一行\n第二行\r\n第三行").hasBlankLine)
    }

    @Test func theSurveyFollowsEdits() {
        var text = TextUnderRepair("好*的")
        #expect(text.survey().classes.contains(.star))
        text.replace(1..<2, with: ["样"], kind: "k", confidence: 1)
        #expect(!text.survey().classes.contains(.star))
    }
}
