/// The part-of-speech tag a word carries in the word list (jieba's ICTCLAS-style tags).
///
/// Only the distinctions the rules use are kept: names (nr, nrt, ns, nt),
/// other nouns, verbs, numerals and the closed classes that stop a name.
public enum WordTag: UInt8, Sendable {
    case unknown, noun, person, foreignPerson, place, organisation, otherProper
    case verb, verbalNoun, adjective, adverb, numeral, classifier, time, idiom, phrase, abbreviation
    case pronoun, conjunction, preposition, particle, direction, locative, distinguisher, status, punctuation, other

    public init(code: Substring) {
        var packed: UInt32 = 0
        for byte in code.utf8.prefix(5) { packed = packed << 8 | UInt32(byte) }
        self.init(packedCode: code.utf8.count <= 4 ? packed : 0)
    }

    /// The tag of a code given as its (at most four) ASCII bytes packed big-endian.
    init(packedCode: UInt32) {
        for (code, tag) in Self.byCode where code == packedCode { self = tag; return }
        self = .other
    }

    /// jieba's part-of-speech codes (ICTCLAS style), packed, with the tag
    /// each maps to: integer compares, as the word list's 349k rows each ask
    /// once at load.
    private static let byCode: [(code: UInt32, tag: WordTag)] = {
        let groups: [(WordTag, [String])] = [
            (.noun, ["n", "ng"]), (.person, ["nr", "nrfg"]), (.foreignPerson, ["nrt"]), (.place, ["ns"]),
            (.organisation, ["nt"]), (.otherProper, ["nz"]), (.verb, ["v", "vg", "vd", "vi", "vq"]),
            (.verbalNoun, ["vn"]), (.adjective, ["a", "ag", "ad", "an"]), (.adverb, ["d"]), (.numeral, ["m", "mq"]),
            (.classifier, ["q"]), (.time, ["t", "tg"]), (.idiom, ["i"]), (.phrase, ["l"]), (.abbreviation, ["j"]),
            (.pronoun, ["r"]), (.conjunction, ["c"]), (.preposition, ["p"]),
            (.particle, ["u", "ud", "ug", "uj", "ul", "uv", "uz", "y", "e", "o"]), (.direction, ["f"]),
            (.locative, ["s"]), (.distinguisher, ["b"]), (.status, ["z"]), (.punctuation, ["x"]),
        ]
        return groups.flatMap { tag, codes in
            codes.map { code in (code.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }, tag) }
        }
    }()

    /// Tags after which a number's classifier reads as counting a thing (一起事故).
    public var isNominal: Bool {
        switch self {
        case .noun, .person, .foreignPerson, .place, .organisation, .otherProper, .verbalNoun, .abbreviation, .adjective, .distinguisher, .numeral, .classifier, .locative:
            return true
        default:
            return false
        }
    }

    /// Function words and verbs: a name does not continue through them.
    public var isFunctional: Bool {
        switch self {
        case .pronoun, .conjunction, .preposition, .particle, .adverb, .punctuation: return true
        default: return false
        }
    }
}

/// What the lexicons say about one word: flags from the gazetteers and the
/// hand-written lists, and the word list's frequency and tag.
public struct WordFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let province = WordFlags(rawValue: 1 << 0)
    public static let prefecture = WordFlags(rawValue: 1 << 1)
    public static let county = WordFlags(rawValue: 1 << 2)
    public static let country = WordFlags(rawValue: 1 << 3)
    public static let worldRegion = WordFlags(rawValue: 1 << 4)
    public static let worldCity = WordFlags(rawValue: 1 << 5)
    public static let title = WordFlags(rawValue: 1 << 6)
    public static let honorific = WordFlags(rawValue: 1 << 7)
    public static let byline = WordFlags(rawValue: 1 << 8)
    public static let speechCue = WordFlags(rawValue: 1 << 9)
    public static let actionCue = WordFlags(rawValue: 1 << 10)
    public static let afterCue = WordFlags(rawValue: 1 << 11)
    public static let orgStrong = WordFlags(rawValue: 1 << 12)
    public static let orgWeak = WordFlags(rawValue: 1 << 13)
    public static let locDivision = WordFlags(rawValue: 1 << 14)
    public static let locTownship = WordFlags(rawValue: 1 << 15)
    public static let locCommunity = WordFlags(rawValue: 1 << 16)
    public static let locStreet = WordFlags(rawValue: 1 << 17)
    public static let locBuilding = WordFlags(rawValue: 1 << 18)
    public static let locFeature = WordFlags(rawValue: 1 << 19)
    public static let doubleSurname = WordFlags(rawValue: 1 << 20)
    public static let shortForm = WordFlags(rawValue: 1 << 21)
    public static let inWordList = WordFlags(rawValue: 1 << 22)
    /// In extract_organisations.tsv.
    public static let knownOrganisation = WordFlags(rawValue: 1 << 23)
    /// Tagged a name by the word list but used inside many other words (文明, 光荣): an ordinary word.
    public static let commonWord = WordFlags(rawValue: 1 << 24)

    /// In a gazetteer (any level).
    public static let gazetteer: WordFlags = [.province, .prefecture, .county, .country, .worldRegion, .worldCity]
    public static let locSuffix: WordFlags = [.locDivision, .locTownship, .locCommunity, .locStreet, .locBuilding, .locFeature]
    public static let orgSuffix: WordFlags = [.orgStrong, .orgWeak]
    public static let personCue: WordFlags = [.title, .honorific, .speechCue, .actionCue, .afterCue]
}

/// One lexicon word's facts.
public struct WordInfo: Sendable {
    public var frequency: Int32
    public var tag: WordTag
    public var flags: WordFlags
    /// Index into `ExtractLexicons.canonicalNames` for gazetteer words (full name; -1 if none).
    public var canonical: Int32
    /// Index into `ExtractLexicons.canonicalNames` of the unit above (parent; -1 if none).
    public var parent: Int32

    /// Facts of no word: a filler.
    static let none = WordInfo(frequency: 0, tag: .unknown, flags: [], canonical: -1, parent: -1)
}

/// A unit or classifier: the kind of quantity it makes and the unit written out.
public struct UnitInfo: Sendable {
    public var kind: String
    public var unit: String
}
