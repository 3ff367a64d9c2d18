import Lexicon
import Testing
@testable import Extract

/// The word trie finds exactly the words inserted, every one starting at a
/// position, shortest first, including words beyond the BMP and one-character
/// words, and a prefix that is no word is not found.
@Suite struct WordTrieTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func findsTheWordsInsertedAndOnlyThem() {
        var trie = WordTrie()
        let words = ["中", "中国", "中国人民", "国人", "人民", "𠀀𠀁", "a", "ab"]
        for (i, w) in words.enumerated() { trie.insert(Self.scalars(w), entry: Int32(i)) }
        trie.insert(Self.scalars("中国"), entry: 42)  // replaces
        #expect(trie.count == words.count)
        #expect(trie.maxLength == 4)
        for (i, w) in words.enumerated() where w != "中国" { #expect(trie.lookup(Self.scalars(w)) == Int32(i), "\(w)") }
        #expect(trie.lookup(Self.scalars("中国")) == 42)
        for absent in ["中国人", "国", "民", "𠀀", "abc", "", "b"] { #expect(trie.lookup(Self.scalars(absent)) == nil, "\(absent)") }

        let text = Self.scalars("中国人民𠀀𠀁ab")
        var matches: [(Int, Int32)] = []
        text.withUnsafeBufferPointer { t in trie.forEachMatch(in: t, from: 0) { matches.append(($0, $1)) } }
        #expect(matches.map(\.0) == [1, 2, 4] && matches.map(\.1) == [0, 42, 2])
        text.withUnsafeBufferPointer { t in
            #expect(trie.longestMatch(in: t, from: 1)?.end == 3)   // 国人
            #expect(trie.longestMatch(in: t, from: 4)?.end == 6)   // 𠀀𠀁
            #expect(trie.longestMatch(in: t, from: 6)?.end == 8)   // ab
            #expect(trie.longestMatch(in: t, from: 3) == nil)      // 民
            var limited: [Int] = []
            trie.forEachMatch(in: t, from: 0, limit: 2) { end, _ in limited.append(end) }
            #expect(limited == [1, 2])
        }
    }

    @Test func theKeyTableKeepsKeysApartByBothHashesAndThroughGrowth() {
        typealias Key = WordTrie.Key
        var table = WordTrie.KeyTable()
        let hash: UInt64 = 0xDEAD_BEEF_0000_0001
        table.insert(hash, Key(entry: 1, check: 11, present: true, continues: false))
        // The same high half, another second hash: another key.
        table.insert(hash ^ 0xFF, Key(entry: 2, check: 12, present: true, continues: true))
        #expect(table.count == 2)
        #expect(table.lookup(hash, 11).entry == 1)
        #expect(table.lookup(hash ^ 0xFF, 12).entry == 2)
        #expect(table.lookup(hash ^ 0xFF, 12).continues)
        #expect(!table.lookup(hash, 13).present)
        // Replacing keeps the count.
        table.insert(hash, Key(entry: 5, check: 11, present: true, continues: false))
        #expect(table.count == 2 && table.lookup(hash, 11).entry == 5)
        // Thousands of keys from the smallest table: every one found after the growth.
        var hashes: [UInt64] = []
        var h = ScalarHash.seed
        for k in 0..<5000 { h = ScalarHash.extend(h, UInt32(k)); hashes.append(h) }
        for (k, h) in hashes.enumerated() { table.insert(h, Key(entry: Int32(k + 10), check: UInt32(k), present: true, continues: false)) }
        #expect(table.count == 5002)
        #expect(hashes.enumerated().allSatisfy { table.lookup($1, UInt64($0)).entry == Int32($0 + 10) })
        #expect(table.lookup(hash, 11).entry == 5)
    }

    @Test func entryForAWordKeepsTheFirstAndStoresAnAbsentOne() {
        var trie = WordTrie()
        #expect(trie.entry(for: Self.scalars("中国人民"), insertingIfAbsent: 0) == 0)
        #expect(trie.entry(for: Self.scalars("中国"), insertingIfAbsent: 1) == 1)      // a prefix key became a word
        #expect(trie.entry(for: Self.scalars("中国人民"), insertingIfAbsent: 2) == 0)  // kept, not replaced
        #expect(trie.entry(for: Self.scalars("中"), insertingIfAbsent: 3) == 3)
        #expect(trie.entry(for: Self.scalars("中"), insertingIfAbsent: 4) == 3)
        #expect(trie.count == 3)
        #expect(trie.lookup(Self.scalars("中国人")) == nil)
        let text = Self.scalars("中国人民")
        var ends: [Int] = []
        text.withUnsafeBufferPointer { t in trie.forEachMatch(in: t, from: 0) { end, _ in ends.append(end) } }
        #expect(ends == [1, 2, 4])
    }

    @Test func weightsGoWithEachWordAndPrefetchingChangesNothing() {
        var trie = WordTrie()
        let words = ["中", "中国", "中国人民", "𠀀𠀁"]
        for (i, w) in words.enumerated() { trie.insert(Self.scalars(w), entry: Int32(i)) }
        trie.setWeights { Float($0) * 0.5 - 1 }
        let text = Self.scalars("中国人民𠀀𠀁")
        var found: [(end: Int, entry: Int32, weight: Float)] = []
        text.withUnsafeBufferPointer { t in
            for p in -2..<(t.count + 2) { trie.prefetch(in: t, at: p) }   // out of range: a no-op, not a crash
            trie.forEachWeightedMatch(in: t, from: 0) { found.append(($0, $1, $2)) }
            trie.forEachWeightedMatch(in: t, from: 4) { found.append(($0, $1, $2)) }
        }
        #expect(found.map(\.end) == [1, 2, 4, 6])
        #expect(found.map(\.entry) == [0, 1, 2, 3])
        #expect(found.map(\.weight) == [-1, -0.5, 0, 0.5])
    }

    @Test func theTwoCharacterFilterNeverHidesAWord() {
        // Many two- and three-character words, so filter bits collide; every
        // word is still found, and a pair no word starts with finds nothing.
        var trie = WordTrie()
        var generator = SystemRandomNumberGenerator()
        var words = Set<[UInt32]>()
        while words.count < 60_000 {
            let length = Int.random(in: 2...3, using: &generator)
            words.insert((0..<length).map { _ in UInt32.random(in: 0x4E00...0x4FFF, using: &generator) })
        }
        for (i, w) in words.enumerated() { trie.insert(w, entry: Int32(i)) }
        for (i, w) in words.enumerated() {
            #expect(trie.lookup(w) == Int32(i))
            var ends: [Int] = []
            w.withUnsafeBufferPointer { t in trie.forEachMatch(in: t, from: 0) { end, _ in ends.append(end) } }
            #expect(ends.last == w.count)
        }
        let outside: [UInt32] = [0x5000, 0x5001]
        #expect(trie.lookup(outside) == nil)
    }
}
