import Foundation
import Testing
@testable import Segment

/// The two dictionary adjustments, on a small lexicon written here.
@Suite struct LexiconAdjustmentsTests {
    func lexicon() throws -> SegmentLexicon {
        let words = """
        # test lexicon
        三\t100\tm
        个\t100\tq
        三个\t50\tm
        第一\t40\tm
        第一次\t30\tm
        次\t90\tq
        一些\t60\tm
        检察\t20\tvn
        机关\t30\tn
        检察机关\t3\tn
        画\t10\tv
        蛇\t10\tn
        添\t10\tv
        足\t10\tn
        画蛇添足\t3\ti
        张\t10\tq
        丰\t10\ta
        张三丰\t3\tnr
        罕见词\t3\tn
        罕\t2\ta
        """
        let classifiers = "# measure words\n个\tindividual\n次\tverbal\n"
        return try SegmentLexicon(
            wordsPath: Fixtures.temporaryFile(Array(words.utf8)),
            classifiersPath: Fixtures.temporaryFile(Array(classifiers.utf8)))
    }

    func has(_ lexicon: SegmentLexicon, _ word: String) -> Bool {
        lexicon.table.contains(word.unicodeScalars.map(\.value))
    }

    @Test func numeralMeasureCompoundsAreDropped() throws {
        let l = try lexicon()
        #expect(!has(l, "三个"))
        #expect(!has(l, "第一次"))
        #expect(has(l, "第一"))
        #expect(has(l, "一些"), "些 is not a measure word: 一些 is a word")
        #expect(l.statistics.droppedMeasureCompounds == 2)
    }

    @Test func floorFrequencyPhrasesOfAttestedWordsAreDropped() throws {
        let l = try lexicon()
        #expect(!has(l, "检察机关"))
        #expect(has(l, "画蛇添足"), "idioms stay")
        #expect(has(l, "张三丰"), "names stay")
        #expect(has(l, "罕见词"), "罕 is not attested above the floor, so the phrase cannot be spelled out")
        #expect(l.statistics.droppedDictionaryPhrases == 1)
    }

    @Test func weightsAreLogProbabilities() throws {
        let l = try lexicon()
        let w3 = try #require(l.table.weight([0x4E09]))  // 三: 100 of the total
        let wAll = l.unknownCharacterWeight  // log(1 / total)
        #expect(abs(Double(w3 - wAll) - log(100.0)) < 1e-4)
        #expect(w3 < 0)
    }
}

