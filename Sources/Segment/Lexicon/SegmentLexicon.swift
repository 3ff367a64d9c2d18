import Foundation
import Lexicon
import Records
import Script

/// Everything the segmenter knows about words: the weighted word table, the
/// measure words, the characters of transliterated names, and the script
/// normaliser; loaded once and shared by all threads.
///
/// Built from lexicons/words.tsv (jieba's dictionary) with three principled
/// changes (see `LexiconAdjustments`), then the extract stage's gazetteers on
/// top so places and organisations stay whole, then the user's lexicons.
/// Weights are natural-log unigram probabilities, as in jieba, so a path's
/// score is the log-probability of its words. The built table (before user
/// lexicons) is kept in a `LexiconCache`, so only the first process after a
/// lexicon changes pays for parsing it.
public final class SegmentLexicon: @unchecked Sendable {
    /// The file names read from the lexicon folder.
    public static let wordsFile = "words.tsv"
    /// Traditional / Taiwan / Hong Kong spellings of dictionary words (see scripts/lexicons/build_words_variants.py).
    public static let variantsFile = "words_variants.tsv"
    public static let classifiersFile = "segment_classifiers.tsv"
    public static let gazetteerPrefix = "gazetteer_"

    let table: WordTable
    let normalizer: ScriptNormalizer
    /// The look-up key of each character: normalised, then folded (see `KeyNormalizer`).
    let keys: KeyNormalizer
    /// Measure words (normalised scalars), sorted.
    let classifiers: [UInt32]
    let classifierSet: ForeignNameJoiner.CharacterSet
    /// Characters typical of transliterated foreign names, sorted (see `ForeignNameJoiner`).
    let transliteration: [UInt32]
    let transliterationSet: ForeignNameJoiner.CharacterSet
    /// Splitting rules of the conventions finer than the default (see `SegmentConvention`).
    let conventions: [SegmentConvention: ConventionRules]
    /// Tag codes of person-name entries (nr, nrt, nrfg).
    let nameTags: Set<UInt8>
    /// The weight of a word at the dictionary's floor count (3): an entry without a corpus count.
    let floorWeight: Float
    /// Unknown Chinese personal names (see `PersonNameModel`).
    let names: PersonNameModel
    /// log(1 / total frequency): the weight of a character no word explains.
    let unknownCharacterWeight: Float
    /// The weight of a number, a Latin word, punctuation or a space (log 1e-4:
    /// a common word's); they rarely compete with anything.
    let tokenWeight: Float = SegmentLexicon.tokenWeight
    static let tokenWeight: Float = Float(log(1e-4))
    /// What loading did.
    public private(set) var statistics = Statistics()
    /// Rejected user-lexicon lines (file, line, problem), in file order.
    public private(set) var rejectedLines: [LexiconError] = []
    /// Whether the word table came from the cache.
    public let loadedFromCache: Bool

    /// Counts of what went into the table.
    public struct Statistics: Sendable, Equatable {
        public var coreWords = 0
        public var variantWords = 0
        public var droppedMeasureCompounds = 0
        public var droppedDictionaryPhrases = 0
        public var droppedCompounds = 0
        public var gazetteerWords = 0
        public var userWords = 0
    }

    /// One user-lexicon entry: the word, its frequency if given, its tag if given.
    public struct Entry: Sendable, Equatable {
        public var word: String
        public var frequency: Int?
        public var tag: String?
        public init(word: String, frequency: Int? = nil, tag: String? = nil) {
            self.word = word
            self.frequency = frequency
            self.tag = tag
        }
    }

    /// Loads the lexicon of a lexicon folder, plus user lexicon files.
    /// Bad lines in user files are collected in `rejectedLines` (the caller
    /// reports them) unless `strict`, when the first one throws.
    public convenience init(lexicons: LexiconDirectory, userLexicons: [String] = [], strict: Bool = false,
                            useGazetteers: Bool = true, cache: LexiconCache? = LexiconCache.standard) throws {
        let normalizer = try ScriptNormalizer.shared(lexicons: lexicons)
        var gazetteers: [String] = []
        if useGazetteers {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: lexicons.path)) ?? []
            gazetteers = names.filter { $0.hasPrefix(Self.gazetteerPrefix) && $0.hasSuffix(".tsv") }.sorted().map(lexicons.file)
        }
        try self.init(
            wordsPath: lexicons.file(Self.wordsFile),
            classifiersPath: lexicons.contains(Self.classifiersFile) ? lexicons.file(Self.classifiersFile) : nil,
            variantsPath: lexicons.contains(Self.variantsFile) ? lexicons.file(Self.variantsFile) : nil,
            foldsPath: lexicons.contains(KeyNormalizer.foldsFile) ? lexicons.file(KeyNormalizer.foldsFile) : nil,
            conventionsPath: lexicons.contains(ConventionRules.file) ? lexicons.file(ConventionRules.file) : nil,
            gazetteerPaths: gazetteers, userLexicons: userLexicons, strict: strict,
            normalizer: normalizer, normalizerPath: lexicons.file(ScriptNormalizer.tableFile), cache: cache)
    }

    /// Loads from explicit files. The cache is used only when `normalizerPath`
    /// names the normaliser's table (it is part of the cache's fingerprint).
    public init(wordsPath: String, classifiersPath: String?, variantsPath: String? = nil, foldsPath: String? = nil,
                conventionsPath: String? = nil, gazetteerPaths: [String] = [], userLexicons: [String] = [],
                strict: Bool = false, normalizer: ScriptNormalizer = ScriptNormalizer(), normalizerPath: String? = nil,
                userEntries: [Entry] = [], cache: LexiconCache? = nil) throws {
        self.normalizer = normalizer
        let keys = try KeyNormalizer(normalizer: normalizer, foldsPath: foldsPath)
        self.keys = keys
        conventions = try conventionsPath.map { try ConventionRules.read(path: $0, keys: keys) } ?? [:]
        let inputs = [wordsPath] + (classifiersPath.map { [$0] } ?? []) + (variantsPath.map { [$0] } ?? []) + (foldsPath.map { [$0] } ?? [])
            + gazetteerPaths + (normalizerPath.map { [$0] } ?? [])
        let build = {
            try Self.build(wordsPath: wordsPath, classifiersPath: classifiersPath, variantsPath: variantsPath,
                           gazetteerPaths: gazetteerPaths, keys: keys)
        }
        let contents: LexiconCache.Contents
        if let cache, normalizerPath != nil {
            (contents, loadedFromCache) = try cache.contents(for: inputs, build: build)
        } else {
            contents = try build()
            loadedFromCache = false
        }
        table = contents.table
        classifiers = contents.classifiers
        classifierSet = ForeignNameJoiner.CharacterSet(contents.classifiers)
        transliteration = contents.transliteration
        transliterationSet = ForeignNameJoiner.CharacterSet(contents.transliteration)
        names = contents.names
        unknownCharacterWeight = contents.unknownCharacterWeight
        nameTags = contents.table.tagCodes(["nr", "nrt", "nrfg"])
        floorWeight = Float(log(Double(LexiconAdjustments.floorFrequency))) + contents.unknownCharacterWeight + 0.001
        statistics = contents.statistics
        for path in userLexicons {
            let (entries, problems) = try UserLexiconFile.read(path: path)
            if strict, let first = problems.first { throw first }
            rejectedLines += problems
            for entry in entries { add(entry) }
        }
        for entry in userEntries { add(entry) }
        table.freeze()
    }

    /// Builds the table from the TSV files.
    static func build(wordsPath: String, classifiersPath: String?, variantsPath: String?, gazetteerPaths: [String],
                      keys: KeyNormalizer) throws -> LexiconCache.Contents {
        let table = WordTable(expectedWords: 400_000)
        var stats = Statistics()
        let total = try addWords(path: wordsPath, to: table, keys: keys)
        stats.coreWords = table.wordCount
        if let variantsPath {
            // Spellings of words already counted: their frequencies do not add to the total.
            _ = try addWords(path: variantsPath, to: table, keys: keys)
            stats.variantWords = table.wordCount - stats.coreWords
        }

        var classifiers: [UInt32] = []
        if let classifiersPath {
            let file = TSVLines(bytes: try read(classifiersPath))
            try file.forEach { row in
                var c: [UInt32] = []
                guard file.scalars(row.fields[0], into: &c), c.count == 1 else {
                    throw LexiconError(file: classifiersPath, line: row.line, problem: "expected one character (a measure word)")
                }
                classifiers.append(keys.key(c[0]))
            }
        }
        classifiers = Array(Set(classifiers)).sorted()

        let transliteration = ForeignNameJoiner.characters(of: table)
        let names = PersonNameModel.learn(from: table)
        let adjustments = LexiconAdjustments(table: table, classifiers: classifiers)
        stats.droppedMeasureCompounds = adjustments.dropMeasureCompounds()
        stats.droppedDictionaryPhrases = adjustments.dropDictionaryPhrases(floorFrequency: LexiconAdjustments.floorFrequency)
        stats.droppedCompounds = adjustments.dropCompounds(minLength: LexiconAdjustments.compoundMinimumLength,
                                                           tags: LexiconAdjustments.compoundTags, floorFrequency: LexiconAdjustments.floorFrequency)
        let logTotal = Float(log(max(total, 1)))
        table.forEachWordSlot { i in
            table.setWeight(slot: i, Float(log(Double(max(table.slots[i].weight, 1)))) - logTotal)
        }
        var contents = LexiconCache.Contents(table: table, classifiers: classifiers, unknownCharacterWeight: -logTotal,
                                             statistics: stats, transliteration: transliteration, names: names)
        let lexicon = GazetteerLoader(table: table, unknownCharacterWeight: -logTotal)
        for path in gazetteerPaths {
            contents.statistics.gazetteerWords += try lexicon.add(path: path, keys: keys)
        }
        return contents
    }

    /// Adds the rows of a word file (word, frequency, optional tag, anything
    /// after ignored) under their keys; returns the sum of the frequencies.
    static func addWords(path: String, to table: WordTable, keys: KeyNormalizer) throws -> Double {
        let words = TSVLines(bytes: try read(path))
        var scalars: [UInt32] = []
        var total: Double = 0
        try words.forEach { row in
            guard row.fields.count >= 2, let frequency = words.integer(row.fields[1]) else {
                throw LexiconError(file: path, line: row.line, problem: "expected word, frequency (a whole number) and an optional tag")
            }
            scalars.removeAll(keepingCapacity: true)
            guard words.scalars(row.fields[0], into: &scalars), !scalars.isEmpty else {
                throw LexiconError(file: path, line: row.line, problem: "the word is empty or not valid UTF-8")
            }
            for k in scalars.indices { scalars[k] = keys.key(scalars[k]) }
            let tag = row.fields.count > 2 ? table.tagCode(words.string(row.fields[2])) : 0
            let f = Float(frequency)
            scalars.withUnsafeBufferPointer { table.insert($0, frequency: f, tag: tag, merge: { max($0, f) }) }
            total += Double(frequency)
        }
        return total
    }

    /// How much better than its best split a gazetteer word scores (log units).
    static let gazetteerMargin: Float = 1
    /// The same for a user word given without a frequency: user words win.
    static let userMargin: Float = 8

    static func read(_ path: String) throws -> [UInt8] {
        do {
            return try InputSource(path).readAll()
        } catch {
            throw LexiconError(file: path, line: nil, problem: error.problem)
        }
    }

    /// Adds a user entry: with a frequency it gets that frequency's weight;
    /// without, it is kept whole wherever it occurs.
    func add(_ entry: Entry) {
        let scalars = keys.keys(entry.word)
        guard !scalars.isEmpty else { return }
        let tag = entry.tag.map(table.tagCode) ?? 0
        if let frequency = entry.frequency {
            let weight = Float(log(Double(max(frequency, 1)))) + unknownCharacterWeight
            scalars.withUnsafeBufferPointer { table.insert($0, frequency: weight, tag: tag, flags: .protected, merge: { _ in weight }) }
        } else {
            GazetteerLoader(table: table, unknownCharacterWeight: unknownCharacterWeight).keepWhole(scalars, margin: Self.userMargin, tag: tag)
        }
        statistics.userWords += 1
    }

    /// Whether a multi-character token is a dictionary word, and whether it may
    /// be a piece of a longer foreign name (see `ForeignNameJoiner`): a name
    /// (nr, nrt, nrfg), a floor-count entry, or no word at all.
    func namePieceKind(_ key: UnsafeBufferPointer<UInt32>) -> (known: Bool, kind: ForeignNameJoiner.PieceKind) {
        guard let i = wordSlot(key) else { return (false, .namePiece) }
        if nameTags.contains(table.slotTags[i]) || table.slots[i].weight <= floorWeight { return (true, .namePiece) }
        return (true, .word)
    }

    /// True when `key` (normalised) is a word of the table.
    func isWord(_ key: UnsafeBufferPointer<UInt32>) -> Bool { wordSlot(key) != nil }

    /// The table slot of `key` when it is a word (not only a prefix of one).
    private func wordSlot(_ key: UnsafeBufferPointer<UInt32>) -> Int? {
        let i = table.find(key)
        return i >= 0 && table.slots[i].flags.contains(.word) ? i : nil
    }

    /// True when `c` (normalised) is a measure word.
    func isClassifier(_ c: UInt32) -> Bool { Self.sortedContains(classifiers, c) }

    static func sortedContains(_ sorted: [UInt32], _ c: UInt32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < c { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == c
    }
}
