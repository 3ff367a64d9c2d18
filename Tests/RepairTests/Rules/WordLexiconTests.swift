import Foundation
import Lexicon
import Records
import Testing
@testable import Repair

/// The compact word table: look-ups, duplicate rows, the position index, bad rows.
@Suite struct WordLexiconTests {
    func lexicon(_ rows: String) throws -> (WordLexicon, String) {
        let path = "/tmp/zhpipe-words-\(getpid())-\(rows.hashValue).tsv"
        let bytes = Array(("# test words\n" + rows).utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        do { return (try WordLexicon(path: path), path) } catch { unlink(path); throw error }
    }

    func values(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func wordsAreFoundWithTheirFrequencies() throws {
        let (words, path) = try lexicon("党员\t100\tn\n人员\t300\tn\n党员干部\t20\tn\n一\t9\tm\nAB型\t3\tn\n党员\t5\tn\n")
        defer { unlink(path) }
        #expect(words.frequency(values("党员")) == 105)   // duplicate rows add up
        #expect(words.frequency(values("人员")) == 300)
        #expect(words.frequency(values("党员干部")) == 20)
        #expect(words.frequency(values("员党")) == 0)
        #expect(words.frequency(values("一")) == 0)        // single characters and non-Han words are not kept
        let second = words.words(length: 2, position: 1, char: values("员")[0]).map { Array(words.word(Int($0))) }
        #expect(Set(second) == [values("党员"), values("人员")])
        #expect(words.words(length: 4, position: 0, char: values("党")[0]).map { Array(words.word(Int($0))) } == [values("党员干部")])
    }

    @Test func theCacheGivesBackTheSameWords() throws {
        let (built, path) = try lexicon("党员\t100\tn\n人员\t300\tn\n党员干部\t20\tn\n党员\t5\tn\n中华人民\t7\tn\n")
        defer { unlink(path) }
        let dir = NSTemporaryDirectory() + "zhpipe-words-cache-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let first = try WordLexicon.load(path: path, cache: cache)
        let second = try WordLexicon.load(path: path, cache: cache)
        #expect(!first.loadedFromCache && second.loadedFromCache)
        #expect(second.count == built.count)
        for word in ["党员", "人员", "党员干部", "中华人民", "员党", "中华"] {
            #expect(second.frequency(values(word)) == built.frequency(values(word)), "\(word)")
        }
        let ask = { (w: WordLexicon) in w.words(length: 2, position: 1, char: self.values("员")[0]).map { Array(w.word(Int($0))) } }
        #expect(Set(ask(second)) == Set(ask(built)))
    }

    @Test func aBadRowIsReportedWithItsLine() throws {
        #expect(throws: LexiconError.self) { _ = try lexicon("党员\t100\n人员\tmany\n") }
        do { _ = try lexicon("党员\t100\n人员\tmany\n") } catch let error as LexiconError { #expect(error.line == 3) }
    }
}
