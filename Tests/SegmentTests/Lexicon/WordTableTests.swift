import Foundation
import Testing
@testable import Segment

/// The word table: words, prefixes, updates, growth, and the cache round trip.
@Suite struct WordTableTests {
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func wordsAndPrefixesAreDistinguished() {
        let table = WordTable(expectedWords: 4)
        for (word, f) in [("中华人民共和国", 10), ("中华", 50), ("人民", 80)] {
            scalars(word).withUnsafeBufferPointer { table.insert($0, frequency: Float(f), tag: 0) }
        }
        #expect(table.contains(scalars("中华")))
        #expect(table.contains(scalars("中华人民共和国")))
        #expect(!table.contains(scalars("中华人民")))
        let prefix = table.find(scalars("中华人民"))
        #expect(prefix >= 0 && table.slots[prefix].flags.contains(.prefix))
        #expect(table.slots[table.find(scalars("中华"))].flags == [.word, .prefix])
        #expect(table.find(scalars("共和国")) == -1)
        #expect(table.wordCount == 3)
    }

    @Test func manyInsertsGrowTheTableAndKeepEveryWord() {
        let table = WordTable(expectedWords: 1)
        var words: [[UInt32]] = []
        for i in 0..<5000 { words.append([0x4E00 + UInt32(i % 500), 0x4E00 + UInt32(i / 500), 0x3400 + UInt32(i % 7)]) }
        for (i, w) in words.enumerated() { w.withUnsafeBufferPointer { table.insert($0, frequency: Float(i + 1), tag: 0) } }
        for (i, w) in words.enumerated() { #expect(table.weight(w) == Float(i + 1)) }
    }

    @Test func theCacheGivesBackTheSameTable() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-cache-test-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = LexiconCache(directory: dir)
        let lexicons = Fixtures.lexiconDirectory
        let built = try SegmentLexicon(lexicons: lexicons, cache: cache)
        let cached = try SegmentLexicon(lexicons: lexicons, cache: cache)
        #expect(!built.loadedFromCache)
        #expect(cached.loadedFromCache)
        #expect(cached.statistics == built.statistics)
        #expect(cached.table.pool == built.table.pool)
        #expect(cached.table.slots.count == built.table.slots.count)
        for i in stride(from: 0, to: built.table.slots.count, by: 97) {
            #expect(cached.table.slots[i].weight == built.table.slots[i].weight)
            #expect(cached.table.slots[i].flags == built.table.slots[i].flags)
        }
        let text = "检察机关依法公正执法，2020年1月27日增长23.4%"
        #expect(try Segmenter(lexicon: cached).tokens(text) == Segmenter(lexicon: built).tokens(text))
    }

    @Test func oldCacheFilesArePruned() throws {
        let dir = NSTemporaryDirectory() + "zhpipe-prune-test-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for k in 0..<6 {
            let path = dir + "/segment-\(k).bin"
            FileManager.default.createFile(atPath: path, contents: Data([1]))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + k * 100))], ofItemAtPath: path)
        }
        FileManager.default.createFile(atPath: dir + "/other.txt", contents: Data([1]))
        LexiconCache(directory: dir).pruneOldFiles(keeping: 4)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["other.txt", "segment-2.bin", "segment-3.bin", "segment-4.bin", "segment-5.bin"])
    }
}
