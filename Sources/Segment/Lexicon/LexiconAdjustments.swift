import Lexicon

/// The three changes the segmenter makes to jieba's dictionary before using it,
/// each a convention the segmentation standards share rather than a fix for
/// one test set.
///
/// 1. Numeral + measure word compounds (三个, 两年, 第一次, 几名) are dropped:
///    PKU, CTB and UD all write the numeral and the measure word as two
///    tokens, and a dictionary that lists some of them (but not 1836个)
///    segments the same construction two ways.
/// 2. Dictionary-only phrases are dropped: jieba gives ~159k entries the
///    floor frequency 3, i.e. no corpus count; most are compositional phrases
///    (检察机关, 改革开放, 财政收入) that the standards split into their words.
///    An entry at the floor, three or more characters long, that is neither an
///    idiom (tag i) nor a person's name (nr*), and that can be spelled out
///    from attested words (frequency above the floor), is removed; the words
///    it is made of remain.
/// 3. Compositional compounds are dropped: an entry of four or more
///    characters tagged as a noun, organisation, other proper noun, verb or
///    abbreviation (n, nt, nz, vn, v, j) that can be spelled out from attested
///    words (信息技术, 工作人员, 中央军事委员会, 人民政府), whatever its count.
///    PKU, CTB and UD write these as their words; idioms (i), fixed
///    expressions (l), places (ns) and names stay whole. Three-character
///    entries (电视台, 总面积) are kept: PKU, CTB and MSR write most of them
///    as one word (UD GSD splits them; see README "Stage 2").
///
/// Runs on the raw frequencies, before weights are computed.
struct LexiconAdjustments {
    let table: WordTable
    let classifiers: [UInt32]

    /// Numerals and quantity words that can precede a measure word.
    static let numeralPrefixes: Set<UInt32> = Set("零〇○一二三四五六七八九十百千万亿两几多数半".unicodeScalars.map(\.value))
    static let ordinalMarker: UInt32 = 0x7B2C  // 第
    static let numeralTags: Set<String> = ["m", "mq", "q", "t"]
    static let keptTags: Set<String> = ["i", "nr", "nrt", "nrfg"]
    /// The shortest compound `dropCompounds` considers, and the tags it drops.
    static let compoundMinimumLength = 4
    static let compoundTags: Set<String> = ["n", "nt", "nz", "vn", "v", "j"]
    /// jieba's floor count: an entry the dictionary lists without a corpus count.
    static let floorFrequency: Float = 3

    /// Drops numeral + measure word compounds; returns how many.
    func dropMeasureCompounds() -> Int {
        let numeralTags = table.tagCodes(Self.numeralTags)
        var drop: [Int] = []
        table.forEachWordSlot { i in
            let slot = table.slots[i]
            guard numeralTags.contains(table.slotTags[i]), slot.length >= 2 else { return }
            let start = Int(table.poolStarts[i]), end = start + Int(slot.length)
            var from = start
            if table.pool[from] == Self.ordinalMarker { from += 1 }
            guard end - from >= 2, SegmentLexicon.sortedContains(classifiers, table.pool[end - 1]) else { return }
            for k in from..<(end - 1) where !Self.numeralPrefixes.contains(table.pool[k]) { return }
            drop.append(i)
        }
        for i in drop { table.removeWord(slot: i) }
        return drop.count
    }

    /// Drops floor-frequency phrases made of attested words; returns how many.
    func dropDictionaryPhrases(floorFrequency: Float) -> Int {
        let kept = table.tagCodes(Self.keptTags)
        var drop: [Int] = []
        table.withBuildLookup { lookup in
            table.pool.withUnsafeBufferPointer { pool in
                table.forEachWordSlot { i in
                    let slot = table.slots[i]
                    guard slot.weight <= floorFrequency, slot.length >= 3, !kept.contains(table.slotTags[i]) else { return }
                    let start = Int(table.poolStarts[i])
                    let word = UnsafeBufferPointer(rebasing: pool[start..<(start + Int(slot.length))])
                    if Self.isSpelledOut(word, by: lookup, above: floorFrequency) { drop.append(i) }
                }
            }
        }
        for i in drop { table.removeWord(slot: i) }
        return drop.count
    }

    /// Drops compositional compounds: entries of `minLength` or more characters
    /// whose tag is one of `tags` (common and proper nouns, verbs) and that can
    /// be spelled out from attested words; returns how many.
    func dropCompounds(minLength: Int, tags names: Set<String>, floorFrequency: Float) -> Int {
        let tags = table.tagCodes(names)
        var drop: [Int] = []
        table.withBuildLookup { lookup in
            table.pool.withUnsafeBufferPointer { pool in
                table.forEachWordSlot { i in
                    let slot = table.slots[i]
                    guard Int(slot.length) >= minLength, tags.contains(table.slotTags[i]) else { return }
                    let start = Int(table.poolStarts[i])
                    let word = UnsafeBufferPointer(rebasing: pool[start..<(start + Int(slot.length))])
                    if Self.isSpelledOut(word, by: lookup, above: floorFrequency) { drop.append(i) }
                }
            }
        }
        for i in drop { table.removeWord(slot: i) }
        return drop.count
    }

    /// True when `word` is a sequence of shorter words whose frequency is above the floor.
    static func isSpelledOut(_ w: UnsafeBufferPointer<UInt32>, by lookup: WordTable.BuildLookup, above floorFrequency: Float) -> Bool {
        let n = w.count
        var reachable: UInt64 = 1  // bit i: w[0..<i] is spelled out (words are at most 255 long; phrases far shorter)
        guard n < 64 else { return false }
        for i in 0..<n where reachable & (1 << UInt64(i)) != 0 {
            var hash = ScalarHash.seed
            for j in i..<n {
                if i == 0 && j == n - 1 { break }
                hash = ScalarHash.extend(hash, w[j])
                let found = lookup.find(hash: hash, length: j - i + 1)
                if found < 0 { break }
                let s = lookup.slots[found]
                if s.flags.contains(.word) && s.weight > floorFrequency { reachable |= 1 << UInt64(j + 1) }
                if !s.flags.contains(.prefix) { break }
            }
        }
        return reachable & (1 << UInt64(n)) != 0
    }
}
