import Foundation
import Lexicon
import Records
import Script

/// Everything the extractor reads from `lexicons/`, loaded once and shared
/// read-only by all worker threads.
///
/// One prefix tree holds every word the rules look up — the general word
/// list (words.tsv), the gazetteers, titles, cue verbs and suffixes — so a
/// single walk at a position answers all questions about the words starting
/// there. Per-character facts (surnames, name-character scores, one-character
/// place abbreviations) live in flat arrays indexed by scalar value.
public final class ExtractLexicons: Sendable {
    /// Files this loader reads (so `make` knows what extract depends on).
    public static let wordListFile = "words.tsv"
    public static let divisionsFile = "gazetteer_divisions.tsv"
    public static let worldFile = "gazetteer_world.tsv"
    public static let surnamesFile = "surnames.tsv"
    public static let titlesFile = "titles.tsv"
    public static let unitsFile = "units.tsv"
    public static let cuesFile = "extract_cues.tsv"
    public static let orgSuffixFile = "extract_org_suffixes.tsv"
    public static let locSuffixFile = "extract_loc_suffixes.tsv"
    public static let abbreviationsFile = "extract_abbreviations.tsv"
    public static let nameCharsFile = "extract_name_chars.tsv"
    public static let placesFile = "extract_places.tsv"
    public static let organisationsFile = "extract_organisations.tsv"
    public static let commonNamesFile = "extract_common_words.tsv"

    public let words: WordTrie
    public let info: [WordInfo]
    /// The log probability given to a character no word covers.
    public let unknownLogProbability: Float
    public let canonicalNames: [String]
    public let units: WordTrie
    public let unitInfo: [UnitInfo]
    /// Per-scalar flags (see `CharFlags`), for scalars below `charTableSize`.
    let charFlags: [UInt8]
    /// log-odds of a character inside a Chinese given name vs ordinary text.
    let givenScore: [Float]
    /// log-odds of a character inside a transliterated foreign name.
    let translitScore: [Float]
    /// Full names of one-character place abbreviations, by scalar.
    let abbreviationNames: [UInt32: String]
    public let normalizer: ScriptNormalizer
    /// Whether the tables were read from a `BinaryCache` rather than built.
    let loadedFromCache: Bool

    static let charTableSize = 0x30000

    struct CharFlags: OptionSet {
        let rawValue: UInt8
        static let surname = CharFlags(rawValue: 1)
        static let countryAbbreviation = CharFlags(rawValue: 2)
        static let provinceAbbreviation = CharFlags(rawValue: 4)
        static let commonSurname = CharFlags(rawValue: 8)
    }

    /// Loads the lexicons from `directory`. Optional files that are missing
    /// only weaken the rules that use them; malformed lines are errors with
    /// their line numbers. The finished tables come from `cache` when it
    /// holds the ones these files give (`BinaryCache.standard` unless told
    /// otherwise; nil: never).
    public init(directory: LexiconDirectory, cache: BinaryCache? = BinaryCache.standard) throws {
        normalizer = directory.contains(ScriptNormalizer.tableFile) ? try ScriptNormalizer.shared(lexicons: directory) : ScriptNormalizer()
        let (tables, fromCache) = try Tables.load(directory, normalizer: normalizer, cache: cache)
        loadedFromCache = fromCache
        words = tables.words
        info = tables.info
        unknownLogProbability = tables.unknownLogProbability
        canonicalNames = tables.names
        units = tables.units
        unitInfo = tables.unitInfo
        charFlags = tables.charFlags
        givenScore = tables.givenScore
        translitScore = tables.translitScore
        abbreviationNames = tables.abbreviations
    }

    @inline(__always) func flags(of scalar: UInt32) -> CharFlags {
        Int(scalar) < Self.charTableSize ? CharFlags(rawValue: charFlags[Int(scalar)]) : []
    }
    @inline(__always) func isSurname(_ scalar: UInt32) -> Bool { flags(of: scalar).contains(.surname) }
    @inline(__always) func isCommonSurname(_ scalar: UInt32) -> Bool { flags(of: scalar).contains(.commonSurname) }
    @inline(__always) func given(_ scalar: UInt32) -> Float {
        Int(scalar) < Self.charTableSize ? givenScore[Int(scalar)] : -3
    }
    @inline(__always) func translit(_ scalar: UInt32) -> Float {
        Int(scalar) < Self.charTableSize ? translitScore[Int(scalar)] : -3
    }

    /// The entry of exactly this word, if the lexicons hold it.
    public func entry(_ word: some Collection<UInt32>) -> WordInfo? {
        words.lookup(word).map { info[Int($0)] }
    }
}

/// Accumulates the tables while the files are read.
struct LexiconBuilder {
    var trie = WordTrie()
    var info: [WordInfo] = []
    var names: [String] = []
    var nameIndex: [String: Int32] = [:]
    var unitTrie = WordTrie()
    var unitInfo: [UnitInfo] = []
    var charFlags = [UInt8](repeating: 0, count: ExtractLexicons.charTableSize)
    var givenScore = [Float](repeating: -3, count: ExtractLexicons.charTableSize)
    var translitScore = [Float](repeating: -4, count: ExtractLexicons.charTableSize)
    var abbreviations: [UInt32: String] = [:]

    /// words.tsv is large (349k rows): read it straight from bytes, without a String per field.
    mutating func loadWordList(path: String, normalizer: ScriptNormalizer) throws {
        precondition(info.isEmpty && trie.count == 0, "the word list loads first")
        let bytes: [UInt8]
        do { bytes = try InputSource(path).readAll() } catch { throw LexiconError(file: path, line: nil, problem: error.problem) }
        trie.reserve(nodes: bytes.count / 10)
        info.reserveCapacity(bytes.count / 14)
        var word: [UInt32] = []
        word.reserveCapacity(32)
        try bytes.withUnsafeBufferPointer { b in
            var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 0
            let n = b.count
            while i < n {
                line += 1
                var end = i
                while end < n && b[end] != 0x0A { end += 1 }
                defer { i = end + 1 }
                if b[i] == UInt8(ascii: "#") || end == i { continue }
                var lineEnd = end
                if lineEnd > i && b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                // word
                word.removeAll(keepingCapacity: true)
                var p = i
                while p < lineEnd && b[p] != 0x09 {
                    let c = b[p]
                    var v: UInt32
                    var extra: Int
                    if c < 0x80 { v = UInt32(c); extra = 0 } else if c < 0xE0 { v = UInt32(c & 0x1F); extra = 1 } else if c < 0xF0 { v = UInt32(c & 0x0F); extra = 2 } else { v = UInt32(c & 0x07); extra = 3 }
                    guard p + extra < lineEnd else { throw LexiconError(file: path, line: line, problem: "not valid UTF-8") }
                    for k in 0..<extra { v = (v << 6) | UInt32(b[p + 1 + k] & 0x3F) }
                    word.append(normalizer.normalize(value: v))
                    p += 1 + extra
                }
                guard p < lineEnd, !word.isEmpty else { throw LexiconError(file: path, line: line, problem: "expected word, frequency, tag") }
                p += 1
                var freq: Int32 = 0
                var digits = 0
                while p < lineEnd, b[p] >= 0x30, b[p] <= 0x39 { freq = freq &* 10 &+ Int32(b[p] - 0x30); p += 1; digits += 1 }
                guard digits > 0 else { throw LexiconError(file: path, line: line, problem: "expected word, frequency, tag") }
                // The tag's bytes packed (jieba's codes are one to four ASCII letters; none means n).
                var tagCode = UInt32(UInt8(ascii: "n"))
                if p < lineEnd, b[p] == 0x09 {
                    let tag = UnsafeBufferPointer(rebasing: b[(p + 1)..<lineEnd])
                    tagCode = tag.count <= 4 ? tag.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } : 0
                }
                let e = entry(for: word)
                if freq > info[e].frequency {
                    info[e].frequency = freq
                    info[e].tag = WordTag(packedCode: tagCode)
                }
                info[e].flags.insert(.inWordList)
            }
        }
    }

    mutating func entry(for word: [UInt32]) -> Int {
        let e = Int(trie.entry(for: word, insertingIfAbsent: Int32(info.count)))
        if e == info.count { info.append(WordInfo(frequency: 0, tag: .unknown, flags: [], canonical: -1, parent: -1)) }
        return e
    }

    mutating func nameID(_ name: String) -> Int32 {
        if let id = nameIndex[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        nameIndex[name] = id
        return id
    }

    mutating func load(_ dir: LexiconDirectory, normalizer: ScriptNormalizer) throws {
        func rows(_ name: String, required: Bool = false, _ body: (LexiconRow, String) throws -> Void) throws {
            let path = dir.file(name)
            guard dir.contains(name) else {
                if required { throw LexiconError(file: path, line: nil, problem: "missing (run make lexicons)") }
                return
            }
            try LexiconFile.forEachRow(path: path) { row in try body(row, path) }
        }
        func key(_ s: String) -> [UInt32] { normalizer.normalize(s).unicodeScalars.map(\.value) }

        if dir.contains(ExtractLexicons.wordListFile) {
            try loadWordList(path: dir.file(ExtractLexicons.wordListFile), normalizer: normalizer)
        }
        for file in [ExtractLexicons.divisionsFile, ExtractLexicons.worldFile] {
            try rows(file, required: true) { row, path in
                guard row.fields.count >= 6 else { throw LexiconError(file: path, line: row.line, problem: "expected word, type, level, parent, code, canonical name") }
                let flag: WordFlags
                switch row.fields[2] {
                case "province": flag = .province
                case "prefecture": flag = .prefecture
                case "county": flag = .county
                case "country": flag = .country
                case "region": flag = .worldRegion
                case "city": flag = .worldCity
                default: throw LexiconError(file: path, line: row.line, problem: "unknown level \(row.fields[2])")
                }
                let e = entry(for: key(row.fields[0]))
                info[e].flags.insert(flag)
                if row.fields[0] != row.fields[5] { info[e].flags.insert(.shortForm) }
                // Keep the highest level's canonical name and parent (province before county).
                if info[e].canonical < 0 || flag == .province || flag == .country {
                    info[e].canonical = nameID(row.fields[5])
                    info[e].parent = row.fields[3] == "-" ? -1 : nameID(row.fields[3])
                }
            }
        }
        try rows(ExtractLexicons.placesFile) { row, path in
            guard row.fields.count >= 2 else { throw LexiconError(file: path, line: row.line, problem: "expected word and kind") }
            info[entry(for: key(row.fields[0]))].flags.insert(.worldRegion)
        }
        // A county's short form that is also an ordinary word (和平 for 和平区, 合作 for 合作市,
        // 中方 for 中方县) is not taken as a place on its own.
        for i in info.indices where info[i].flags.contains(.shortForm) && info[i].flags.contains(.inWordList) {
            if info[i].tag != .place && info[i].frequency >= 30 && info[i].flags.intersection([.province, .prefecture, .country, .worldRegion, .worldCity]).isEmpty {
                info[i].flags.subtract(.gazetteer)
            }
        }
        // A city, country or region of the gazetteers that the word list tags
        // as a person name (jieba tags 檀香山, Honolulu, nr) is a place.
        for i in info.indices where info[i].tag == .person || info[i].tag == .foreignPerson {
            if !info[i].flags.intersection([.province, .prefecture, .country, .worldRegion, .worldCity]).isEmpty {
                info[i].tag = .place
            }
        }
        try rows(ExtractLexicons.organisationsFile) { row, path in
            guard row.fields.count >= 2 else { throw LexiconError(file: path, line: row.line, problem: "expected name and full name (or -)") }
            let e = entry(for: key(row.fields[0]))
            info[e].flags.insert(.knownOrganisation)
            if row.fields[1] != "-" { info[e].canonical = nameID(row.fields[1]) }
        }
        try rows(ExtractLexicons.commonNamesFile) { row, path in
            guard row.fields.count >= 2 else { throw LexiconError(file: path, line: row.line, problem: "expected word and count") }
            info[entry(for: key(row.fields[0]))].flags.insert(.commonWord)
        }
        try rows(ExtractLexicons.titlesFile) { row, path in
            let kinds: [String: WordFlags] = ["title": .title, "honorific": .honorific, "byline": .byline]
            guard row.fields.count >= 2, let flag = kinds[row.fields[1]] else { throw LexiconError(file: path, line: row.line, problem: "expected word and title | honorific | byline") }
            info[entry(for: key(row.fields[0]))].flags.insert(flag)
        }
        try rows(ExtractLexicons.cuesFile) { row, path in
            let kinds: [String: WordFlags] = ["speech": .speechCue, "action": .actionCue, "after": .afterCue]
            guard row.fields.count >= 2, let flag = kinds[row.fields[1]] else { throw LexiconError(file: path, line: row.line, problem: "expected word and speech | action | after") }
            info[entry(for: key(row.fields[0]))].flags.insert(flag)
        }
        try rows(ExtractLexicons.orgSuffixFile) { row, path in
            guard row.fields.count >= 2, ["strong", "weak"].contains(row.fields[1]) else { throw LexiconError(file: path, line: row.line, problem: "expected suffix and strong | weak") }
            info[entry(for: key(row.fields[0]))].flags.insert(row.fields[1] == "strong" ? .orgStrong : .orgWeak)
        }
        try rows(ExtractLexicons.locSuffixFile) { row, path in
            let kinds: [String: WordFlags] = ["division": .locDivision, "township": .locTownship, "community": .locCommunity, "street": .locStreet, "building": .locBuilding, "feature": .locFeature]
            guard row.fields.count >= 2, let flag = kinds[row.fields[1]] else { throw LexiconError(file: path, line: row.line, problem: "expected suffix and a level") }
            info[entry(for: key(row.fields[0]))].flags.insert(flag)
        }
        var surnameRank = 0
        try rows(ExtractLexicons.surnamesFile, required: true) { row, path in
            guard row.fields.count >= 2 else { throw LexiconError(file: path, line: row.line, problem: "expected surname and single | double") }
            let k = key(row.fields[0])
            if k.count == 1 {
                charFlags[Int(k[0])] |= 1
                surnameRank += 1
                if surnameRank <= 120 { charFlags[Int(k[0])] |= 8 }
            } else {
                info[entry(for: k)].flags.insert(.doubleSurname)
            }
        }
        try rows(ExtractLexicons.abbreviationsFile) { row, path in
            guard row.fields.count >= 3, key(row.fields[0]).count == 1 else { throw LexiconError(file: path, line: row.line, problem: "expected one character, full name, country | province") }
            let c = key(row.fields[0])[0]
            guard abbreviations[c] == nil else { return }
            abbreviations[c] = row.fields[1]
            charFlags[Int(c)] |= row.fields[2] == "country" ? 2 : 4
        }
        // Name-character scores: log-odds against the character's use as an ordinary word.
        var givenTotal = 0.0, translitTotal = 0.0, wordTotal = 0.0
        var nameRows: [(UInt32, Double, Double, Double)] = []
        try rows(ExtractLexicons.nameCharsFile) { row, path in
            guard row.fields.count >= 4, let g = Double(row.fields[1]), let t = Double(row.fields[2]), let w = Double(row.fields[3]) else {
                throw LexiconError(file: path, line: row.line, problem: "expected character, given, translit, word counts")
            }
            let k = key(row.fields[0])
            guard k.count == 1 else { return }
            nameRows.append((k[0], g, t, w))
            givenTotal += g; translitTotal += t; wordTotal += w
        }
        for (c, g, t, w) in nameRows where Int(c) < ExtractLexicons.charTableSize {
            let pw = (w + 200) / max(wordTotal, 1)
            givenScore[Int(c)] = Float(log((g + 0.5) / max(givenTotal, 1)) - log(pw))
            translitScore[Int(c)] = Float(log((t + 0.5) / max(translitTotal, 1)) - log(pw))
        }
        try rows(ExtractLexicons.unitsFile, required: true) { row, path in
            guard row.fields.count >= 3 else { throw LexiconError(file: path, line: row.line, problem: "expected word, kind, unit") }
            let k = key(row.fields[0])
            guard unitTrie.lookup(k) == nil else { return }
            unitTrie.insert(k, entry: Int32(unitInfo.count))
            unitInfo.append(UnitInfo(kind: row.fields[1], unit: row.fields[2]))
        }
    }
}
