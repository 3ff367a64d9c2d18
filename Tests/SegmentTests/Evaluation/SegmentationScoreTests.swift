import Script
import Testing
@testable import Segment

/// The scorer counts as the SIGHAN scorer does, and the gold readers read both formats.
@Suite struct SegmentationScoreTests {
    @Test func countsSpanMatches() {
        var score = SegmentationScore()
        score.add(gold: ["我", "爱", "北京"], test: ["我", "爱北京"]) { _ in true }
        #expect(score.goldWords == 3)
        #expect(score.testWords == 2)
        #expect(score.correctWords == 1)
        #expect(abs(score.precision - 0.5) < 1e-12)
        #expect(abs(score.recall - 1.0 / 3) < 1e-12)
        #expect(abs(score.f1 - 0.4) < 1e-12)
    }

    @Test func aShiftedBoundaryIsWrongOnBothSides() {
        var score = SegmentationScore()
        let agree = score.add(gold: ["中国", "人民"], test: ["中", "国人", "民"]) { _ in true }
        #expect(!agree)
        #expect(score.correctWords == 0)
        #expect(score.f1 == 0)
    }

    @Test func oovAndIVRecallFollowTheWordList() {
        var score = SegmentationScore()
        let known: Set<String> = ["我", "爱"]
        score.add(gold: ["我", "爱", "北京", "天安门"], test: ["我", "爱", "北京", "天安", "门"]) { known.contains($0) }
        #expect(score.oovGold == 2)
        #expect(score.oovCorrect == 1)
        #expect(score.ivGold == 2 && score.ivCorrect == 2)
        #expect(score.oovRecall == 0.5)
    }

    @Test func whiteSpaceIsNotPartOfAnyWord() {
        var score = SegmentationScore()
        let agree = score.add(gold: ["New", "York", "很", "大"], test: ["New", " ", "York", "很", "大"]) { _ in true }
        #expect(agree)
        #expect(score.testWords == 4)
    }

    @Test func differentCharactersMisalign() {
        var score = SegmentationScore()
        score.add(gold: ["甲", "乙"], test: ["甲", "丙"]) { _ in true }
        #expect(score.misalignedSentences == 1)
        #expect(score.correctWords == 0)
    }

    @Test func readsSIGHANWithBOMCRLFAndBlankLines() {
        let gold = GoldSegmentation.parseSIGHAN("\u{FEFF}共同  创造  美好  \r\n\r\n新  世纪\r\n")
        #expect(gold.sentences.map(\.words) == [["共同", "创造", "美好"], [], ["新", "世纪"]])
        #expect(gold.sentences.count == 3)
        #expect(gold.sentences[2].raw == "新世纪")
    }

    @Test func readsCoNLLUSkippingRangesAndEmptyNodes() {
        let text = """
        # sent_id = 1
        # text = 他们的书
        1-2\t他们的\t_\t_\t_\t_\t_\t_\t_\t_
        1\t他们\t他们\tPRON\t_\t_\t3\tnmod\t_\t_
        2\t的\t的\tPART\t_\t_\t1\tcase\t_\t_
        2.1\t书本\t_\t_\t_\t_\t_\t_\t_\t_
        3\t书\t书\tNOUN\t_\t_\t0\troot\t_\t_

        1\t好\t好\tADJ\t_\t_\t0\troot\t_\t_

        """
        let gold = GoldSegmentation.parseCoNLLU(text)
        #expect(gold.sentences.map(\.words) == [["他们", "的", "书"], ["好"]])
        #expect(gold.sentences[0].raw == "他们的书")
        #expect(gold.sentences[1].raw == "好")
    }

    @Test func evaluationKeepsTheFirstDisagreements() {
        var evaluation = SegmentationEvaluation(vocabulary: [], normalizer: ScriptNormalizer(), diffLimit: 1)
        evaluation.add(sentence: 1, gold: ["a"], test: ["a"])
        evaluation.add(sentence: 2, gold: ["中国", "人"], test: ["中", "国人"])
        evaluation.add(sentence: 3, gold: ["好", "人"], test: ["好人"])
        #expect(evaluation.disagreements.map(\.sentence) == [2])
        #expect(evaluation.disagreements[0].rendered().contains("中国 / 人"))
    }
}

/// OOV is measured against the word list, with punctuation counted as known.
@Suite struct OOVTests {
    @Test func punctuationIsInVocabularyAndWordsAreLookedUpNormalised() {
        var evaluation = SegmentationEvaluation(vocabulary: ["经济"], normalizer: ScriptNormalizer())
        evaluation.add(sentence: 1, gold: ["经济", "，", "发展", "。"], test: ["经济", "，", "发", "展", "。"])
        #expect(evaluation.score.ivGold == 3)
        #expect(evaluation.score.oovGold == 1)
        #expect(evaluation.score.oovCorrect == 0)
    }
}
