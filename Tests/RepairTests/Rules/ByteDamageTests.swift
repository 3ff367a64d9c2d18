import Testing
@testable import Repair

/// The byte-level pass on damage made here with the mirror model (never from corpus/ strings).
@Suite struct ByteDamageTests {
    let resources = RuleTestSupport.resources
    var pass: GBKByteDamagePass { GBKByteDamagePass(resources: resources) }
    static let tools = try! MirrorTools(lexicons: TestLexicons.directory)

    /// The mirror's damage of `text` with `annotated` characters annotated.
    func mirror(_ text: String, annotated: String = "", variant: MirrorDecoder.Variant = .mbstring) -> String {
        let t = Self.tools
        let bytes = t.annotate(t.encode(Array(text.unicodeScalars)), characters: annotated.unicodeScalars.map(\.value))
        return t.splitDecode(bytes, variant: variant)
    }

    @Test func annotationInsideACharacterIsTakenOut() {
        // 報 straddles into 請 (D5 88) after 日 (C8 D5): the annotation lands inside.
        let damaged = mirror("每日報告制度", annotated: "報請")
        #expect(damaged.contains("?"))
        let r = RuleTestSupport.repair(damaged, passes: [pass, PinyinAnnotationPass(readings: resources.readings)])
        #expect(r.text == "每日報告制度", "\(damaged) -> \(r.text)")
    }

    @Test func aPieceReadOutOfStepAfterAFalseExclamationIsReadInStep() {
        for variant in [MirrorDecoder.Variant.mbstring, .mbstringDroppingOrphans] {
            let clean = "大家都很辛苦。“今天下午开会，大家比较忙。”老师说。"
            let damaged = mirror(clean, variant: variant)
            #expect(damaged != clean.replacingOccurrences(of: "，", with: ","))
            let r = RuleTestSupport.repair(damaged, passes: [pass])
            #expect(r.text == MirrorWidthFolding().apply(to: clean, rng: &dummy), "\(damaged) -> \(r.text)")
            #expect(r.repairs.contains { $0.kind.contains("gbk-misalignment") })
        }
    }

    @Test func cleanTextWithQuestionAndExclamationMarksIsLeftAlone() {
        for text in ["怎么办?怎么办?大家都很着急!", "你好!“欢迎”他说。", "真的吗？是的！“好”“坏”", "价格是3?元", "A!B?C"] {
            #expect(RuleTestSupport.repair(text, passes: [pass]).text == text, "\(text)")
        }
    }

    @Test func theMirrorModelSplitsOnFalseDelimiters() {
        let decoder = MirrorDecoder(table: resources.gbk)
        let bytes = Self.tools.encode(Array("完。“好".unicodeScalars))
        let out = decoder.damage(bytes, variant: .mbstring)
        #expect(out.contains(0x21))           // the false ！ inside 。“
        #expect(!out.contains(0x201C))         // “ is gone: read out of step
    }
}

nonisolated(unsafe) var dummy = SeededRandom(seed: 0)
