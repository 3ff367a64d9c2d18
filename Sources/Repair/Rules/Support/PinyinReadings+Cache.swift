import ICU
import Lexicon

extension PinyinReadings {
    /// The readings of the file at `path`: read from `cache` when it holds
    /// them, else parsed (and written there).
    ///
    /// Why: parsing 40,000 rows of Unihan readings into dictionaries was a
    /// third of repair's start-up, paid again by every shard and every Spark
    /// partition. The GBK codes come from ICU's data, so ICU's version is
    /// part of the file's magic.
    public static func load(path: String, gbk: GBKTable, cache: BinaryCache?) throws -> PinyinReadings {
        try BinaryCache.value(
            kind: "repair-readings", magic: Array("ZHRPPY01 ICU \(ICULibrary.version)".utf8), inputs: [path], cache: cache,
            decode: decode, build: { try PinyinReadings(path: path, gbk: gbk) }, encode: encode).value
    }

    /// Syllables by id (their keys, then their spellings); the characters
    /// in order with their reading counts and ids; each syllable's GBK code
    /// count, then the codes.
    private static func encode(_ built: PinyinReadings, _ out: inout ByteWriter) {
        var names = [String](repeating: "", count: built.syllables.count)
        for (name, id) in built.syllables { names[Int(id)] = name }
        out.strings(names)
        out.strings(built.spellings)
        let chars = built.readings.keys.sorted()
        out.array(chars)
        out.arrays(chars.map { built.readings[$0]! })
        out.arrays(built.codesBySyllable)
    }

    private static func decode(_ reader: inout ByteReader) -> PinyinReadings? {
        guard let names = reader.strings(), let spellings = reader.strings(),
              let chars: [UInt32] = reader.array(), let readings: [[Int32]] = reader.arrays(),
              let codesBySyllable: [[UInt16]] = reader.arrays(),
              names.count == spellings.count, codesBySyllable.count == names.count, readings.count == chars.count,
              readings.allSatisfy({ $0.allSatisfy { $0 >= 0 && Int($0) < names.count } })
        else { return nil }
        var syllables: [String: Int32] = [:]
        syllables.reserveCapacity(names.count)
        for (id, name) in names.enumerated() { syllables[name] = Int32(id) }
        guard syllables.count == names.count else { return nil }
        var byChar: [UInt32: [Int32]] = [:]
        byChar.reserveCapacity(chars.count)
        for (char, ids) in zip(chars, readings) { byChar[char] = ids }
        return PinyinReadings(syllables: syllables, readings: byChar, codesBySyllable: codesBySyllable, spellings: spellings, loadedFromCache: true)
    }
}
