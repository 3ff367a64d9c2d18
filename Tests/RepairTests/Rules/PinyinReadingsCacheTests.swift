import Foundation
import Lexicon
import Testing
@testable import Repair

/// The Unihan readings read back from a `BinaryCache` answer as the TSV does.
@Suite struct PinyinReadingsCacheTests {
    @Test func theCacheGivesBackTheSameReadings() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-readings-cache-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let path = TestLexicons.directory.file(PinyinReadings.file)
        let gbk = try GBKTable()
        let first = try PinyinReadings.load(path: path, gbk: gbk, cache: cache)
        let second = try PinyinReadings.load(path: path, gbk: gbk, cache: cache)
        #expect(!first.loadedFromCache && second.loadedFromCache)
        #expect(second.spellings == first.spellings)
        #expect(second.syllables == first.syllables)
        #expect(second.readings == first.readings)
        #expect(second.codesBySyllable == first.codesBySyllable)
        // 經 reads jīng (also written with the GBK font's ɡ); 行 has more than one reading.
        let jing = try #require(second.syllable("jīnɡ"))
        #expect(second.isReading(jing, of: "經".unicodeScalars.first!.value))
        #expect(second.readings(of: "行".unicodeScalars.first!.value).count >= 2)
        #expect(!second.gbkCodes(reading: jing).isEmpty)
    }
}
