import Foundation
import Lexicon
import Testing
@testable import Segment

/// User lexicons: format tolerance, rejected lines with numbers, and their effect.
@Suite struct UserLexiconFileTests {
    @Test func toleratesBOMCRLFCommentsAndSpacesInsideWords() {
        let text = "\u{FEFF}# my words\r\n数字孪生\r\nNew York\t120\tns\r\n\r\n  云原生  \t\t\r\n区块链\t7\n"
        let (entries, rejected) = UserLexiconFile.parse(bytes: Array(text.utf8), name: "mine.tsv")
        #expect(rejected.isEmpty)
        #expect(entries == [
            SegmentLexicon.Entry(word: "数字孪生"),
            SegmentLexicon.Entry(word: "New York", frequency: 120, tag: "ns"),
            SegmentLexicon.Entry(word: "云原生"),
            SegmentLexicon.Entry(word: "区块链", frequency: 7),
        ])
    }

    @Test func everyBadLineIsReportedWithItsNumber() {
        var bytes = Array("好词\n\t5\n坏频率\tabc\n负数\t-3\n零\t0\n多\t1\tn\textra\n".utf8)
        bytes += [0xE4, 0xB8, 0x0A]  // line 7: a truncated UTF-8 sequence
        bytes += Array("最后\t9\n".utf8)
        let (entries, rejected) = UserLexiconFile.parse(bytes: bytes, name: "bad.tsv")
        #expect(entries.map(\.word) == ["好词", "最后"])
        #expect(rejected.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(rejected.allSatisfy { $0.file == "bad.tsv" })
        #expect(rejected[1].description.hasPrefix("bad.tsv:3:"))
    }

    @Test func aUserWordWithoutFrequencyIsKeptWhole() throws {
        let text = "智慧城市数字孪生平台上线"
        let before = try Fixtures.segmenter().tokens(text)
        try #require(!before.contains("数字孪生平台"), "the test needs a word the lexicon splits")
        let path = Fixtures.temporaryFile(Array("数字孪生平台\n".utf8))
        let lexicon = try SegmentLexicon(lexicons: Fixtures.lexiconDirectory, userLexicons: [path])
        let after = try Segmenter(lexicon: lexicon).tokens(text)
        #expect(after.contains("数字孪生平台"))
        #expect(after.joined() == text)
    }

    @Test func aUserWordMayContainSpacesAndJoinICUPieces() throws {
        let path = Fixtures.temporaryFile(Array("New York\n".utf8))
        let lexicon = try SegmentLexicon(lexicons: Fixtures.lexiconDirectory, userLexicons: [path])
        let tokens = try Segmenter(lexicon: lexicon).tokens("他去了New York出差")
        #expect(tokens.contains("New York"))
    }

    @Test func strictModeRefusesTheFirstBadLine() throws {
        let path = Fixtures.temporaryFile(Array("好\n坏\tx\n".utf8))
        #expect(throws: LexiconError.self) {
            _ = try SegmentLexicon(lexicons: Fixtures.lexiconDirectory, userLexicons: [path], strict: true)
        }
        let lenient = try SegmentLexicon(lexicons: Fixtures.lexiconDirectory, userLexicons: [path])
        #expect(lenient.rejectedLines.map(\.line) == [2])
    }

    @Test func gazetteerPlacesStayWhole() throws {
        let segmenter = try Fixtures.segmenter()
        var checked = 0, whole = 0
        var failures: [String] = []
        for path in Fixtures.gazetteerFiles {
            for row in try LexiconFile.rows(path: path) where row.line % 7 == 0 {
                guard let word = row[0], word.unicodeScalars.count >= 3, word.unicodeScalars.allSatisfy({ CharacterClass.isHan($0.value) }) else { continue }
                checked += 1
                if try segmenter.tokens("我们在\(word)召开会议").contains(word) { whole += 1 } else if failures.count < 10 { failures.append(word) }
            }
        }
        if checked == 0 { print("skipped: no gazetteer files yet"); return }
        #expect(Double(whole) >= Double(checked) * 0.97, "kept whole \(whole)/\(checked); e.g. \(failures)")
    }
}

extension Fixtures {
    static var gazetteerFiles: [String] {
        let dir = lexiconDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasPrefix("gazetteer_") && $0.hasSuffix(".tsv") }.sorted().map { dir + "/" + $0 }
    }
}
