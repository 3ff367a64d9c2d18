import Lexicon
import Script

/// Puts words that must stay whole into the word table: the extract stage's
/// gazetteers (places, organisations) and user words given without a
/// frequency.
///
/// Such a word gets the weight that beats its own best split by a margin
/// (jieba's "suggest frequency" idea), unless its lexicon weight already
/// does: enough to keep 北京市 or 国家开发银行 whole, without making it
/// swallow the characters around it the way a huge fixed weight would.
struct GazetteerLoader {
    let table: WordTable
    let unknownCharacterWeight: Float

    /// Adds the first column of every row of a gazetteer TSV; returns how many words.
    func add(path: String, keys: KeyNormalizer) throws -> Int {
        let file = TSVLines(bytes: try SegmentLexicon.read(path))
        var scalars: [UInt32] = []
        var count = 0
        file.forEach { row in
            scalars.removeAll(keepingCapacity: true)
            guard file.scalars(row.fields[0], into: &scalars), scalars.count >= 2 else { return }
            for k in scalars.indices { scalars[k] = keys.key(scalars[k]) }
            keepWhole(scalars, margin: SegmentLexicon.gazetteerMargin)
            count += 1
        }
        return count
    }

    /// Gives `word` a weight that beats its best split by `margin`, unless it already does.
    func keepWhole(_ word: [UInt32], margin: Float, tag: UInt8 = 0) {
        let split = bestSplitScore(word)
        let existing = table.weight(word) ?? -Float.infinity
        let weight = max(existing, split + margin)
        word.withUnsafeBufferPointer { table.insert($0, frequency: weight, tag: tag, flags: .protected, merge: { _ in weight }) }
    }

    /// The score of the best segmentation of `word` into two or more pieces
    /// (lexicon words, or single characters at the unknown-character weight).
    func bestSplitScore(_ word: [UInt32]) -> Float {
        let n = word.count
        guard n >= 2 else { return -Float.infinity }
        var best = [Float](repeating: -Float.infinity, count: n + 1)
        best[0] = 0
        word.withUnsafeBufferPointer { w in
            table.withBuildLookup { lookup in
                for i in 0..<n where best[i] > -Float.infinity {
                    var hash = ScalarHash.seed
                    var singleFound = false
                    for j in i..<n {
                        if i == 0 && j == n - 1 { break }  // the whole word is not a split
                        hash = ScalarHash.extend(hash, w[j])
                        let slot = lookup.find(hash: hash, length: j - i + 1)
                        if slot < 0 { break }
                        let s = lookup.slots[slot]
                        if s.flags.contains(.word) {
                            best[j + 1] = max(best[j + 1], best[i] + s.weight)
                            if j == i { singleFound = true }
                        }
                        if !s.flags.contains(.prefix) { break }
                    }
                    if !CharacterClass.isHan(w[i]) {
                        // Latin, digits, spaces: ICU makes one token of a run, as the lattice will see it.
                        let space = CharacterClass.isSpace(w[i])
                        var r = i + 1
                        while r < n && !CharacterClass.isHan(w[r]) && CharacterClass.isSpace(w[r]) == space { r += 1 }
                        if !(i == 0 && r == n) { best[r] = max(best[r], best[i] + SegmentLexicon.tokenWeight) }
                    } else if !singleFound {
                        best[i + 1] = max(best[i + 1], best[i] + unknownCharacterWeight)
                    }
                }
            }
        }
        return best[n]
    }
}
