import Foundation
import Lexicon
import Testing
@testable import Extract

/// The tables read from a `BinaryCache` give the lexicons, and the
/// extraction, that the TSV files give.
@Suite struct ExtractLexiconsCacheTests {
    @Test func theCacheGivesBackTheSameTables() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-extract-cache-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = BinaryCache(directory: dir)
        let directory = LexiconDirectory(path: Fixture.packageRoot + "/lexicons")
        let built = try ExtractLexicons(directory: directory, cache: cache)
        let cached = try ExtractLexicons(directory: directory, cache: cache)
        #expect(!built.loadedFromCache && cached.loadedFromCache)
        #expect(cached.info.count == built.info.count)
        #expect(cached.words.count == built.words.count)
        #expect(cached.unknownLogProbability == built.unknownLogProbability)
        #expect(cached.canonicalNames == built.canonicalNames)
        #expect(cached.unitInfo.map(\.kind) == built.unitInfo.map(\.kind) && cached.unitInfo.map(\.unit) == built.unitInfo.map(\.unit))
        #expect(cached.charFlags == built.charFlags && cached.givenScore == built.givenScore && cached.translitScore == built.translitScore)
        #expect(cached.abbreviationNames == built.abbreviationNames)
        #expect(!built.abbreviationNames.isEmpty && !built.canonicalNames.isEmpty)
        for word in ["中华人民共和国", "北京", "国务院", "张三", "発展", "發展", "人民币", "不存在的词语"] {
            let key = word.unicodeScalars.map { built.normalizer.normalize(value: $0.value) }
            #expect(cached.entry(key)?.frequency == built.entry(key)?.frequency, "\(word)")
            #expect(cached.entry(key)?.flags == built.entry(key)?.flags, "\(word)")
        }
        let text = "国务院总理李强3月5日在北京人民大会堂作政府工作报告，全年增长5.2%，投资14.5万元。"
        let a = Extractor(lexicons: built).extract(text)
        let b = Extractor(lexicons: cached).extract(text)
        #expect(!a.entities.isEmpty)
        #expect(MentionWriter.entities(b.entities, text: b.text) == MentionWriter.entities(a.entities, text: a.text))
        #expect(MentionWriter.numbers(b.numbers, text: b.text) == MentionWriter.numbers(a.numbers, text: a.text))
    }
}
