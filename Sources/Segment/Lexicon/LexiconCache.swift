import Foundation
import Lexicon

/// Segment's word table in a `BinaryCache`, so a process after the first
/// starts in milliseconds instead of parsing 350k TSV rows.
///
/// The table built from a cache is the same table the TSV gives, so output
/// never depends on whether a cache was used.
public struct LexiconCache: Sendable {
    /// The folder and files this cache lives in.
    public let files: BinaryCache

    static let magic: [UInt8] = Array("ZHSEGLX7".utf8)
    static let kind = "segment"

    public init(directory: String) { files = BinaryCache(directory: directory) }

    /// In `BinaryCache.standard`'s folder; nil when caching is off.
    public static var standard: LexiconCache? { BinaryCache.standard.map { LexiconCache(directory: $0.directory) } }

    /// What a cache file holds besides the table.
    struct Contents {
        var table: WordTable
        var classifiers: [UInt32]
        var unknownCharacterWeight: Float
        var statistics: SegmentLexicon.Statistics
        var transliteration: [UInt32]
        var names: PersonNameModel
    }

    /// The contents these input files give: from the cache when it holds
    /// them, else built (`build`) and written there.
    func contents(for inputs: [String], build: () throws -> Contents) rethrows -> (value: Contents, fromCache: Bool) {
        try BinaryCache.value(
            kind: Self.kind, magic: Self.magic, inputs: inputs, cache: files, decode: Self.decode, build: build,
            encode: { contents, out in
                contents.table.freeze()
                Self.encode(contents, into: &out)
            })
    }

    // MARK: Reading

    private static func decode(_ reader: inout ByteReader) -> Contents? {
        guard let slotCount = reader.int(), let poolCount = reader.int(), let wordCount = reader.int(), let used = reader.int(),
              let unknown = reader.float(), let tags = reader.strings() else { return nil }
        guard let classifiers: [UInt32] = reader.array(), let transliteration: [UInt32] = reader.array(),
              let statistics: [Int] = reader.array(), statistics.count == 7,
              let surnameChars: [UInt32] = reader.array(), let surnameWeights: [Float] = reader.array(),
              let givenChars: [UInt32] = reader.array(), let givenWeights: [Float] = reader.array(),
              let nameClass = reader.float(),
              surnameChars.count == surnameWeights.count, givenChars.count == givenWeights.count,
              let slots: [WordTable.Slot] = reader.array(count: slotCount),
              let compact: [WordTable.CompactSlot] = reader.array(count: slotCount),
              let poolStarts: [UInt32] = reader.array(count: slotCount),
              let slotTags: [UInt8] = reader.array(count: slotCount),
              let pool: [UInt32] = reader.array(count: poolCount),
              slotCount > 0, slotCount & (slotCount - 1) == 0 else { return nil }
        let table = WordTable(slots: slots, compact: compact, poolStarts: poolStarts, slotTags: slotTags, pool: pool, tags: tags, wordCount: wordCount, used: used)
        let stats = SegmentLexicon.Statistics(
            coreWords: statistics[0], variantWords: statistics[5], droppedMeasureCompounds: statistics[1],
            droppedDictionaryPhrases: statistics[2], droppedCompounds: statistics[6], gazetteerWords: statistics[3], userWords: statistics[4])
        let names = PersonNameModel(surnames: Array(zip(surnameChars, surnameWeights)), given: Array(zip(givenChars, givenWeights)),
                                    nameClassWeight: nameClass)
        return Contents(table: table, classifiers: classifiers, unknownCharacterWeight: unknown, statistics: stats,
                        transliteration: transliteration, names: names)
    }

    // MARK: Writing

    private static func encode(_ contents: Contents, into out: inout ByteWriter) {
        let table = contents.table
        out.int(table.slots.count)
        out.int(table.pool.count)
        out.int(table.wordCount)
        out.int(table.usedSlots)
        out.float(contents.unknownCharacterWeight)
        out.strings(table.tags)
        out.array(contents.classifiers)
        out.array(contents.transliteration)
        let s = contents.statistics
        out.array([s.coreWords, s.droppedMeasureCompounds, s.droppedDictionaryPhrases, s.gazetteerWords, s.userWords, s.variantWords, s.droppedCompounds])
        let surnames = contents.names.surnameList, given = contents.names.givenList
        out.array(surnames.map(\.0))
        out.array(surnames.map(\.1))
        out.array(given.map(\.0))
        out.array(given.map(\.1))
        out.float(contents.names.nameClassWeight)
        out.array(table.slots, counted: false)
        out.array(table.compact, counted: false)
        out.array(table.poolStarts, counted: false)
        out.array(table.slotTags, counted: false)
        out.array(table.pool, counted: false)
    }

    /// Deletes all but the `keeping` most recently modified cache files.
    func pruneOldFiles(keeping: Int) {
        files.pruneOldFiles(kind: Self.kind, keeping: keeping)
    }
}
