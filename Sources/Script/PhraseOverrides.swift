import Lexicon

/// Phrase-dependent conversions for the few characters whose Simplified form
/// depends on the word, indexed by the character they settle.
///
/// Each override says: in this phrase, the character at this offset becomes
/// this. Phrases are compared on their normalised form, so a phrase matches
/// in mixed-script text (乾隆 in 乾隆年间 and in 乾隆年間). The longest
/// matching phrase wins.
struct PhraseOverrides: Sendable {
    struct Override: Sendable {
        /// The phrase in normalised form (character table applied).
        var phrase: [UInt32]
        /// Where the settled character stands in the phrase.
        var offset: Int
        /// Its conversion in this phrase.
        var output: UInt32
    }

    private var byCharacter: [UInt32: [Override]] = [:]
    private var triggers: [Bool] = []

    init() {}

    init(path: String, table: [UInt32]) throws {
        var triggers = [Bool](repeating: false, count: table.count)
        func normalized(_ v: UInt32) -> UInt32 { v < UInt32(table.count) ? table[Int(v)] : v }
        var rows: [(from: [UInt32], to: [UInt32])] = []
        try LexiconFile.forEachRow(path: path) { row in
            guard row.fields.count >= 2 else {
                throw LexiconError(file: path, line: row.line, problem: "expected a traditional phrase, a tab and a simplified phrase")
            }
            let from = row.fields[0].unicodeScalars.map(\.value)
            let to = row.fields[1].unicodeScalars.map(\.value)
            guard from.count == to.count, from.count >= 2 else {
                throw LexiconError(file: path, line: row.line, problem: "the two phrases must have the same length (at least 2)")
            }
            rows.append((from, to))
        }
        // The characters some phrase converts otherwise than the table does.
        var settled = Set<UInt32>()
        for row in rows { for i in row.from.indices where normalized(row.from[i]) != row.to[i] { settled.insert(row.from[i]) } }
        // Every phrase speaks for each settled character it holds, also where it
        // keeps the table's conversion: 慰藉着 keeps 藉 against the shorter 藉着.
        for row in rows {
            let phrase = row.from.map(normalized)
            for i in row.from.indices where settled.contains(row.from[i]) {
                byCharacter[row.from[i], default: []].append(Override(phrase: phrase, offset: i, output: row.to[i]))
                if Int(row.from[i]) < triggers.count { triggers[Int(row.from[i])] = true }
            }
        }
        for key in byCharacter.keys { byCharacter[key]!.sort { $0.phrase.count > $1.phrase.count } }
        self.triggers = triggers
    }

    var isEmpty: Bool { byCharacter.isEmpty }

    @inline(__always)
    func isTrigger(_ v: UInt32) -> Bool { Int(v) < triggers.count && triggers[Int(v)] }

    /// The trigger flags as a flat table of `size` entries.
    func triggerTable(size: Int) -> [Bool] {
        var table = [Bool](repeating: false, count: size)
        for i in 0..<min(size, triggers.count) { table[i] = triggers[i] }
        return table
    }

    /// The override for the character at `i`, whose original value was
    /// `original`, if a phrase matches there (`normalized` is the text after
    /// the character table).
    func match(_ normalized: UnsafeBufferPointer<UInt32>, at i: Int, original: UInt32) -> UInt32? {
        guard let candidates = byCharacter[original] else { return nil }
        for o in candidates {
            let start = i - o.offset
            guard start >= 0, start + o.phrase.count <= normalized.count else { continue }
            var matches = true
            for k in 0..<o.phrase.count where normalized[start + k] != o.phrase[k] { matches = false; break }
            if matches { return o.output }
        }
        return nil
    }
}
