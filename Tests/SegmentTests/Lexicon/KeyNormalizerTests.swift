import Foundation
import Lexicon
import Script
import Testing
@testable import Segment

/// Look-up keys: Traditional characters with several Simplified forms, and
/// the Taiwan / Hong Kong spellings in words_variants.tsv.
@Suite struct KeyNormalizerTests {
    @Test func everyCandidateOfAOneToManyCharacterSharesOneKey() throws {
        // OpenCC: 瞭 -> 瞭 or 了, 藉 -> 藉 or 借, 覆 -> 覆 or 复.
        let keys = Fixtures.lexicon.keys
        for (a, b) in [("瞭", "了"), ("藉", "借"), ("覆", "复")] {
            #expect(keys.keys(a) == keys.keys(b), "\(a) \(b)")
        }
        // Ordinary characters keep their own key.
        #expect(keys.keys("了") != keys.keys("子"))
    }

    @Test func aTraditionalSpellingFindsTheSimplifiedWord() throws {
        let segmenter = try Fixtures.segmenter()
        let pairs = [("我們需要瞭解情況", "我们需要了解情况"), ("他答覆了記者", "他答复了记者")]
        for (traditional, simplified) in pairs {
            let t = try segmenter.segment(traditional).tokens.map { [$0.start, $0.end] }
            let s = try segmenter.segment(simplified).tokens.map { [$0.start, $0.end] }
            #expect(t == s, "\(traditional)")
        }
    }

    @Test func taiwanVocabularyIsInTheLexicon() throws {
        // Taiwan words whose key differs from the mainland word's (軟體 / 软件).
        let lexicon = Fixtures.lexicon
        try #require(lexicon.statistics.variantWords > 50)
        for word in ["軟體", "資料庫", "函式"] {
            #expect(lexicon.table.contains(lexicon.keys.keys(word)), "\(word)")
        }
        let t = try Fixtures.segmenter().tokens("這個軟體的資料庫很大")
        #expect(t.contains("軟體"))
        #expect(t.contains("資料庫"))
    }

    @Test func aBadFoldsRowIsReportedWithItsLine() throws {
        let path = Fixtures.temporaryFile(Array("# folds\n瞭\t了\n藉借\n".utf8))
        #expect {
            _ = try KeyNormalizer(normalizer: ScriptNormalizer(), foldsPath: path)
        } throws: { error in
            (error as? LexiconError)?.line == 3
        }
    }
}
