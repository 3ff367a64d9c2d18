import Lexicon
import Records
import Script

/// A character unigram + bigram model of Chinese: how likely a sequence of
/// characters is as Chinese text (natural-log probabilities).
///
/// Repair uses it to choose between readings of damaged text: a candidate is
/// accepted only when it is far more likely than the text as it stands. The
/// data (lexicons/char_unigram.tsv, char_bigram.tsv) comes from jieba's word
/// frequencies (see lexicons/README.md for its limits); characters are scored
/// in their Simplified form, so Traditional text scores like Simplified.
/// Non-Han characters get fixed class probabilities: common Chinese
/// punctuation and ASCII are ordinary, while Latin-1 letters, private-use
/// characters, U+FFFD and controls are very unlikely (that is what mojibake
/// is made of).
///
/// Usage (the model is immutable and `Sendable`: load once, share between threads):
///
///     let model = try LanguageModel(lexicons: lexicons)
///     let here = model.logProbability(Array("浣犲ソ".unicodeScalars))   // ≈ -40
///     let fixed = model.logProbability(Array("你好".unicodeScalars))    // ≈ -14
///     if fixed - here > 10 { ... }   // accept the candidate
///
/// - `logProbability(_:after:)` sums log P(c_i | c_{i-1}) over a sequence;
///   pass the character before the span as `after` to score it in context
///   (and the character after the span as part of the span, for a fair
///   comparison of candidates of different lengths).
/// - `logProbability(of:after:)` is one step; `unigramLogProbability(_:)`
///   one character alone; `count(of:)` the raw count (0 = unseen Han).
/// - Hot loops: `logProbability(values:after:)` over UInt32 scalar values.
public final class LanguageModel: Sendable {
    /// The files the model is read from.
    public static let unigramFile = "char_unigram.tsv"
    public static let bigramFile = "char_bigram.tsv"
    /// Characters of one script alone (optional: without it no character has a script).
    public static let scriptFile = "t2s_script_only.tsv"
    static let tableSize = 0x30000

    /// log P(c) for every scalar below `tableSize` (classes for non-Han).
    private let logUnigram: [Float]
    /// log of the probability mass that follows `c` outside the counted pairs.
    private let logBackoff: [Float]
    /// Raw counts of Han characters (by normalised value).
    private let counts: [UInt32]
    /// Normalised (Simplified) value of each scalar, for bigram keys.
    private let key: [UInt32]
    private let pairs: IntegerKeyTable<Float>
    /// The script each scalar belongs to alone (nil: both or neither; empty without the script file).
    private let scriptOnly: [Script?]
    /// Whether the tables were read from a `BinaryCache` rather than built.
    let loadedFromCache: Bool
    /// The script normaliser the model keys characters with (shared with the passes).
    public let normalizer: ScriptNormalizer

    /// Loads the model from a lexicon folder (also reads t2s_chars.tsv, and t2s_script_only.tsv when there).
    /// The counts' tables come from `cache` when it holds the ones these
    /// files give (`BinaryCache.standard` unless told otherwise; nil: never).
    public convenience init(lexicons: LexiconDirectory, cache: BinaryCache? = BinaryCache.standard) throws {
        let unigramPath = lexicons.file(Self.unigramFile), bigramPath = lexicons.file(Self.bigramFile)
        let normalizer = try ScriptNormalizer.shared(lexicons: lexicons)
        let scriptPath = lexicons.contains(Self.scriptFile) ? lexicons.file(Self.scriptFile) : nil
        // The character table keys the counts, so it is an input too.
        let inputs = [unigramPath, bigramPath, lexicons.file(ScriptNormalizer.tableFile)]
        let (tables, fromCache) = try BinaryCache.value(
            kind: "repair-model", magic: Self.cacheMagic, inputs: inputs, cache: cache, decode: Tables.init(decoding:),
            build: { try Self.build(unigramPath: unigramPath, bigramPath: bigramPath, normalizer: normalizer) },
            encode: { $0.encode(into: &$1) })
        self.init(tables, normalizer: normalizer, scriptOnly: try scriptPath.map(Self.readScripts) ?? [], loadedFromCache: fromCache)
    }

    /// What the counts come to: the tables a model scores with.
    struct Tables {
        var key: [UInt32]
        var counts: [UInt32]
        var logUnigram: [Float]
        var logBackoff: [Float]
        var pairs: IntegerKeyTable<Float>

        func encode(into out: inout ByteWriter) {
            out.array(key)
            out.array(counts)
            out.array(logUnigram)
            out.array(logBackoff)
            pairs.encode(into: &out)
        }

        init?(decoding reader: inout ByteReader) {
            let size = LanguageModel.tableSize
            guard let key: [UInt32] = reader.array(), let counts: [UInt32] = reader.array(),
                  let logUnigram: [Float] = reader.array(), let logBackoff: [Float] = reader.array(),
                  [key.count, counts.count, logUnigram.count, logBackoff.count].allSatisfy({ $0 == size }),
                  let pairs = IntegerKeyTable<Float>(decoding: &reader, filler: 0) else { return nil }
            self.init(key: key, counts: counts, logUnigram: logUnigram, logBackoff: logBackoff, pairs: pairs)
        }

        init(key: [UInt32], counts: [UInt32], logUnigram: [Float], logBackoff: [Float], pairs: IntegerKeyTable<Float>) {
            self.key = key
            self.counts = counts
            self.logUnigram = logUnigram
            self.logBackoff = logBackoff
            self.pairs = pairs
        }
    }

    /// The format of the cache file (change it with `Tables` or the way counts become probabilities).
    static let cacheMagic: [UInt8] = Array("ZHRPLM01".utf8)

    private init(_ tables: Tables, normalizer: ScriptNormalizer, scriptOnly: [Script?], loadedFromCache: Bool = false) {
        self.key = tables.key
        self.counts = tables.counts
        self.logUnigram = tables.logUnigram
        self.logBackoff = tables.logBackoff
        self.pairs = tables.pairs
        self.loadedFromCache = loadedFromCache
        self.scriptOnly = scriptOnly
        self.normalizer = normalizer
    }

    /// Loads the model from its two files, a script normaliser and the
    /// characters of one script alone.
    public convenience init(unigramPath: String, bigramPath: String, normalizer: ScriptNormalizer, scriptPath: String? = nil) throws {
        self.init(try Self.build(unigramPath: unigramPath, bigramPath: bigramPath, normalizer: normalizer),
                  normalizer: normalizer, scriptOnly: try scriptPath.map(Self.readScripts) ?? [])
    }

    /// Turns the counts of the two files into the tables.
    private static func build(unigramPath: String, bigramPath: String, normalizer: ScriptNormalizer) throws -> Tables {
        var key = [UInt32](repeating: 0, count: Self.tableSize)
        for v in 0..<Self.tableSize {
            let n = normalizer.normalize(value: UInt32(v))
            // Only script conversion, not width folding (a full-width comma is Chinese punctuation).
            key[v] = Self.isHan(UInt32(v)) && n < UInt32(Self.tableSize) ? n : UInt32(v)
        }
        var counts = [UInt32](repeating: 0, count: Self.tableSize)
        var total = 0.0
        try Self.forEachCount(path: unigramPath, scalarsPerKey: 1) { scalars, count, line in
            let v = Int(scalars[0])
            guard v < Self.tableSize else { return }
            counts[v] = UInt32(min(count, Int(UInt32.max)))
            total += Double(count)
        }
        guard total > 0 else { throw LexiconError(file: unigramPath, line: nil, problem: "holds no counts") }
        // Traditional characters take the counts of their Simplified forms.
        for v in 0..<Self.tableSize where key[v] != UInt32(v) && counts[v] == 0 {
            counts[v] = counts[Int(key[v])]
        }
        var logUnigram = [Float](repeating: 0, count: Self.tableSize)
        for v in 0..<Self.tableSize {
            logUnigram[v] = Self.classLogProbability(UInt32(v), count: counts[v], total: total)
        }
        var following = [Double](repeating: 0, count: Self.tableSize)
        var pairCounts: [(UInt64, Double)] = []
        pairCounts.reserveCapacity(160_000)
        try Self.forEachCount(path: bigramPath, scalarsPerKey: 2) { scalars, count, _ in
            let a = Int(scalars[0]), b = Int(scalars[1])
            guard a < Self.tableSize, b < Self.tableSize else { return }
            following[a] += Double(count)
            pairCounts.append((UInt64(a) << 32 | UInt64(b), Double(count)))
        }
        var logBackoff = [Float](repeating: 0, count: Self.tableSize)
        var backoff = [Double](repeating: 1, count: Self.tableSize)
        for v in 0..<Self.tableSize where counts[v] > 0 && Self.isHan(UInt32(v)) {
            let c = Double(counts[Int(key[v])])
            backoff[v] = max(0.15, 1 - following[Int(key[v])] / max(c, 1))
        }
        for v in 0..<Self.tableSize { logBackoff[v] = Float(log(backoff[v])) }
        var table = IntegerKeyTable<Float>(capacity: pairCounts.count, filler: 0)
        for (pair, count) in pairCounts {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            let ca = max(Double(counts[a]), count)
            let p = count / ca + backoff[a] * Double(exp(logUnigram[b]))
            table.insert(pair, Float(log(min(p, 1))))
        }
        return Tables(key: key, counts: counts, logUnigram: logUnigram, logBackoff: logBackoff, pairs: table)
    }

    // MARK: scoring

    /// log P(c) of one character on its own.
    @inline(__always)
    public func unigramLogProbability(_ scalar: Unicode.Scalar) -> Float {
        unigram(scalar.value)
    }

    /// How often the character (in Simplified form) occurs in the data; 0 when unseen or not Han.
    public func count(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        return v < UInt32(Self.tableSize) ? Int(counts[Int(v)]) : 0
    }

    /// log P(c | previous).
    @inline(__always)
    public func logProbability(of scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Float {
        step(scalar.value, after: previous?.value)
    }

    /// The log-probability of a sequence, each character given the one before
    /// (the first given `after`, when there is one).
    public func logProbability(_ scalars: some Sequence<Unicode.Scalar>, after previous: Unicode.Scalar? = nil) -> Double {
        var sum = 0.0
        var prev = previous?.value
        for s in scalars {
            sum += Double(step(s.value, after: prev))
            prev = s.value
        }
        return sum
    }

    /// The same over a string.
    public func logProbability(_ text: String, after previous: Unicode.Scalar? = nil) -> Double {
        logProbability(text.unicodeScalars, after: previous)
    }

    /// The same over scalar values (the fast path for hot loops).
    public func logProbability(values: UnsafeBufferPointer<UInt32>, after previous: UInt32? = nil) -> Double {
        var sum = 0.0
        var prev = previous
        for v in values {
            sum += Double(step(v, after: prev))
            prev = v
        }
        return sum
    }

    @inline(__always)
    func unigram(_ v: UInt32) -> Float {
        v < UInt32(Self.tableSize) ? logUnigram[Int(v)] : Self.supplementaryLogProbability(v)
    }

    @inline(__always)
    func step(_ v: UInt32, after previous: UInt32?) -> Float {
        guard let a = previous, a < UInt32(Self.tableSize), v < UInt32(Self.tableSize) else { return unigram(v) }
        let ka = key[Int(a)]
        guard counts[Int(ka)] > 0, Self.isHan(a) else { return unigram(v) }
        let kb = key[Int(v)]
        if let p = pairs.lookup(UInt64(ka) << 32 | UInt64(kb)) { return p }
        return logBackoff[Int(a)] + logUnigram[Int(v)]
    }

    // MARK: script

    /// A Chinese script. The model scores both alike (Traditional characters
    /// take their Simplified forms' counts); a reader of damaged text uses the
    /// script to keep a reading in one script, since real text is written in one.
    public enum Script: String, Sendable {
        case simplified, traditional
    }

    /// The script a character belongs to alone: 這 Traditional, 这 Simplified;
    /// nil for characters both share (中) and for non-Han.
    @inline(__always)
    public func script(of v: UInt32) -> Script? {
        v < UInt32(scriptOnly.count) ? scriptOnly[Int(v)] : nil
    }

    /// The script table from its file (character TAB simplified|traditional).
    static func readScripts(path: String) throws -> [Script?] {
        var table = [Script?](repeating: nil, count: tableSize)
        try LexiconFile.forEachRow(path: path) { row in
            let scalars = Array((row[0] ?? "").unicodeScalars)
            guard scalars.count == 1, let script = row[1].flatMap(Script.init(rawValue:)) else {
                throw LexiconError(file: path, line: row.line, problem: "expected one character, a tab, and simplified or traditional")
            }
            if scalars[0].value < UInt32(tableSize) { table[Int(scalars[0].value)] = script }
        }
        return table
    }

    /// log-probability cost of a character of the other script in text kept
    /// to one (about one character in a hundred).
    public static let otherScriptCost: Float = 4.6

    /// What `v` costs in text written in `script`: `otherScriptCost` when it
    /// belongs to the other script alone, else 0 (also when `script` is nil).
    @inline(__always)
    public func scriptCost(_ v: UInt32, in script: Script?) -> Float {
        guard let script, let own = self.script(of: v), own != script else { return 0 }
        return Self.otherScriptCost
    }

    /// The script most of `scalars`' script-specific characters belong to;
    /// nil on a tie (or none).
    public func majorityScript(_ scalars: some Sequence<Unicode.Scalar>) -> (script: Script, others: Int)? {
        var simplified = 0, traditional = 0
        for s in scalars {
            switch script(of: s.value) {
            case .simplified?: simplified += 1
            case .traditional?: traditional += 1
            case nil: break
            }
        }
        if simplified == traditional { return nil }
        return simplified > traditional ? (.simplified, traditional) : (.traditional, simplified)
    }

    // MARK: classes

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    /// Share of Han characters in ordinary Chinese text.
    static let hanShare = 0.85

    /// log P for a character of a class the data does not count.
    static func classLogProbability(_ v: UInt32, count: UInt32, total: Double) -> Float {
        if isHan(v) {
            // Unseen Han characters: rare but real (names, variants).
            let c = count > 0 ? Double(count) : 0.3
            return Float(log(hanShare * c / total))
        }
        return Float(log(classProbability(v)))
    }

    static func supplementaryLogProbability(_ v: UInt32) -> Float {
        isHan(v) ? -19 : Float(log(classProbability(v)))
    }

    static let commonPunctuation: Set<UInt32> = Set("，。、；：？！“”‘’（）《》【】—…·「」『』〈〉％～".unicodeScalars.map(\.value))

    /// The most frequent punctuation of Chinese text, with their own shares.
    static let frequentPunctuation: [UInt32: Double] = [0xFF0C: 0.04, 0x3002: 0.025, 0x3001: 0.008, 0x201C: 0.005, 0x201D: 0.005, 0xFF1A: 0.004, 0xFF1B: 0.002, 0xFF08: 0.002, 0xFF09: 0.002]

    /// Probabilities of non-Han characters in Chinese text, by class.
    static func classProbability(_ v: UInt32) -> Double {
        if let p = frequentPunctuation[v] { return p }
        switch v {
        case 0x0A, 0x0D, 0x09: return 0.005
        case 0x20: return 0.004
        case 0x30...0x39: return 0.003
        case 0x41...0x5A, 0x61...0x7A: return 0.0006
        case 0x21...0x7E: return 0.0008
        case 0x00...0x1F, 0x7F...0x9F: return 1e-9
        case 0xB7, 0xD7, 0xF7, 0xB0, 0xB1, 0xA7: return 0.0002      // · × ÷ ° ± §
        case 0xA0...0x24F: return 1e-6                                // Latin-1 letters and symbols, Latin extended: mojibake
        case 0x2010...0x206F: return commonPunctuation.contains(v) ? 0.008 : 0.0002
        case 0x3000...0x303F: return commonPunctuation.contains(v) ? 0.008 : 0.0003
        case 0xFF01...0xFF5E: return commonPunctuation.contains(v) ? 0.008 : 0.0004
        case 0x2100...0x2BFF: return 0.00005                           // letterlike, arrows, enclosed numbers, shapes
        case 0x3040...0x30FF: return 1e-5                               // kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return 1e-5 // Hangul
        case 0xE000...0xF8FF, 0xF0000...0x10FFFF: return 1e-9           // private use
        case 0xFFFD: return 1e-7
        case 0xFFF0...0xFFFF, 0xD800...0xDFFF: return 1e-9
        case 0x300...0x36F: return 1e-7                                 // combining marks
        default: return 1e-6
        }
    }

    // MARK: loading

    /// Reads "key TAB count" rows fast (the bigram file has ~150k rows): bytes, no strings.
    static func forEachCount(path: String, scalarsPerKey: Int, _ body: ([UInt32], Int, Int) throws -> Void) throws {
        var scalars: [UInt32] = []
        try TSVBytes.forEachRow(path: path) { row in
            guard row.count >= 2, let count = row.integer(1) else {
                throw LexiconError(file: path, line: row.line, problem: "expected characters, a tab and a count")
            }
            try row.scalars(0, into: &scalars)
            guard scalars.count == scalarsPerKey else {
                throw LexiconError(file: path, line: row.line, problem: "expected \(scalarsPerKey) character(s) before the tab")
            }
            try body(scalars, count, row.line)
        }
    }
}
