import Lexicon
import Testing
@testable import Segment

/// lexicons/segment_conventions.tsv: read into per-convention rules, bad rows refused with their line.
@Suite struct ConventionRulesTests {
    func read(_ text: String) throws -> [SegmentConvention: ConventionRules] {
        try ConventionRules.read(path: Fixtures.temporaryFile(Array(text.utf8)), keys: Fixtures.lexicon.keys)
    }

    @Test func rowsBecomeNormalisedCharacterSets() throws {
        let rules = try read("# comment\nud\tnumber_unit\t年\nud\tsuffix\t縣\nud\tdemonstrative\t這\nud\tpronoun_second\t裡\n")
        let ud = try #require(rules[.ud])
        #expect(ud.numberUnits == [0x5E74])
        #expect(ud.suffixes == [0x53BF])  // 縣 → 县
        #expect(ud.demonstratives == [0x8FD9])  // 這 → 这
        #expect(ud.pronounSeconds == [0x91CC])  // 裡 → 里
        #expect(!ud.isEmpty)
        #expect(rules[.pku] == nil)
    }

    @Test func badRowsNameTheirLine() throws {
        for (text, line) in [("ud\tsuffix\t市\nxx\tsuffix\t市\n", 2), ("ud\tprefix\t第\n", 1), ("ud\tsuffix\t市区\n", 1), ("ud\tsuffix\n", 1)] {
            #expect {
                _ = try read(text)
            } throws: { error in
                (error as? LexiconError)?.line == line
            }
        }
    }

    @Test func theCheckoutsFileHasUDRules() throws {
        let ud = try #require(Fixtures.lexicon.conventions[.ud])
        #expect(ud.numberUnits.contains(0x5E74))
        #expect(ud.suffixes.contains(0x5E02))  // 市
    }

    @Test func aConventionWithoutRulesIsRefused() throws {
        let bare = try SegmentLexicon(wordsPath: Fixtures.temporaryFile(Array("天津\t10\tns\n".utf8)), classifiersPath: nil)
        #expect(throws: LexiconError.self) { try Segmenter(lexicon: bare, convention: .ud) }
        _ = try Segmenter(lexicon: bare, convention: .pku)
    }
}
