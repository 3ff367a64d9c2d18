import ICU
import Lexicon

/// Splits one text into sentences and tokens; one per thread.
///
/// The text is normalised (Traditional → Simplified, full-width → ASCII, one
/// scalar for one, so offsets carry over), converted to UTF-16 once, broken
/// by ICU into words and sentences, and the words refined by the `Lattice`.
/// Offsets are in scalars of the text as given, so tokens slice the original.
public final class Segmenter {
    /// How tokens are made.
    public enum Mode: Sendable {
        /// ICU boundaries, lexicon words and numbers in a lattice (the default).
        case lattice
        /// ICU's word boundaries as they are (the baseline `eval` compares with).
        case rawICU
    }

    /// A text's segmentation: tokens and sentences as scalar offsets.
    public struct Result: Equatable {
        /// Token ends in order; the first token starts at 0, the last ends at the text's end.
        public var tokens: [Token] = []
        /// Sentences as [start, end) pairs covering the text.
        public var sentences: [(start: Int, end: Int)] = []

        public static func == (a: Result, b: Result) -> Bool {
            a.tokens == b.tokens && a.sentences.elementsEqual(b.sentences) { $0 == $1 }
        }
    }

    /// One token: [start, end) in scalars, and its kind.
    public struct Token: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var kind: TokenKind
    }

    public let lexicon: SegmentLexicon
    public let mode: Mode
    public let convention: SegmentConvention
    /// Cuts the lattice's words finer when the convention asks for it.
    private let splitter: ConventionSplitter?
    private let words: BreakIterator
    private let sentences: BreakIterator
    private let lattice: Lattice

    /// Whether sentences and words of simple texts are found without ICU's
    /// iterators (`SimpleSentenceBreaker`, `breakSimply`); tests turn it off
    /// to compare the shortcuts with ICU.
    var usesShortcuts = true

    private var normalized: [UInt32] = []
    /// The normalised text as ICU reads it, and each UTF-16 unit's scalar
    /// (empty when every scalar is one unit); valid when `utf16Ready`.
    private var utf16: [UInt16] = []
    private var scalarAtUTF16: [Int32] = []
    private var utf16Ready = false
    private var icu = Lattice.ICUSegments()

    /// A segmenter with its own ICU iterators, copied from `prototypes` when
    /// given (cloning is cheaper than opening). A convention other than the
    /// default needs its rows in lexicons/segment_conventions.tsv.
    public init(lexicon: SegmentLexicon, mode: Mode = .lattice, convention: SegmentConvention = .pku,
                prototypes: (words: BreakIterator, sentences: BreakIterator)? = nil) throws {
        self.lexicon = lexicon
        self.mode = mode
        self.convention = convention
        if convention == .pku {
            splitter = nil
        } else if let rules = lexicon.conventions[convention], !rules.isEmpty {
            splitter = ConventionSplitter(rules: rules, lexicon: lexicon)
        } else {
            throw LexiconError(file: ConventionRules.file, line: nil,
                               problem: "has no rules for the convention \"\(convention.rawValue)\"; run `make lexicons` or choose --convention pku")
        }
        if let prototypes {
            words = try prototypes.words.clone()
            sentences = try prototypes.sentences.clone()
        } else {
            words = try BreakIterator(.word, locale: "zh")
            sentences = try BreakIterator(.sentence, locale: "zh")
        }
        lattice = Lattice(lexicon: lexicon)
    }

    /// Segments a string (for evaluation and tests).
    public func segment(_ text: String) throws -> Result {
        try segment(scalars: text.unicodeScalars.map(\.value))
    }

    /// The tokens of a string, as strings.
    public func tokens(_ text: String) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        return try segment(scalars: scalars.map(\.value)).tokens.map { token in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[token.start..<token.end])
            return String(s)
        }
    }

    /// Segments text given as scalar values.
    public func segment(scalars: [UInt32], sentences wantSentences: Bool = true) throws -> Result {
        try scalars.withUnsafeBufferPointer { try segment(scalars: $0, sentences: wantSentences) }
    }

    /// Segments text given as scalar values (the caller's buffer, reused from record to record).
    public func segment(scalars: UnsafeBufferPointer<UInt32>, sentences wantSentences: Bool = true) throws -> Result {
        var result = Result()
        let n = scalars.count
        guard n > 0 else { return result }
        // About two characters a token in Chinese text: one allocation, rarely a second.
        result.tokens.reserveCapacity(n / 2 + 8)
        prepare(scalars)
        if wantSentences {
            // ICU's iterator only where its rules are more than the simple breaker's.
            let simple = usesShortcuts ? normalized.withUnsafeBufferPointer(SimpleSentenceBreaker.shared.sentences) : nil
            result.sentences = try simple ?? breakSentences(count: n)
        }
        switch mode {
        case .rawICU:
            try breakWords(count: n)
            for p in 0..<n where icu.end[p] >= 0 {
                let end = Int(icu.end[p])
                var allSpace = true
                for k in p..<end where !CharacterClass.isSpace(normalized[k]) { allSpace = false; break }
                result.tokens.append(Token(start: p, end: end, kind: TokenKind.fromICU(status: icu.status[p], allSpace: allSpace)))
            }
        case .lattice:
            try breakWords(count: n, maskingHan: true)
            normalized.withUnsafeBufferPointer { t in
                lattice.segment(t, icu: icu, into: &result.tokens)
                splitter?.apply(&result.tokens, text: t)
            }
        }
        return result
    }

    /// Hides Han runs from ICU's word iterator, so ICU neither runs its
    /// dictionary over them (the lattice segments Han, and ICU's dictionary
    /// pass is most of ICU's time) nor stops at every character: a run's first
    /// character becomes a private-use character (a segment of its own) and the
    /// rest combining marks (which ICU keeps on the character before), so the
    /// run comes back as one segment. Everything else (Latin, digits,
    /// punctuation, kana) ICU breaks as usual.
    private func maskHan() {
        let normalized = self.normalized, scalarAtUTF16 = self.scalarAtUTF16
        utf16.withUnsafeMutableBufferPointer { u in
            var inRun = false
            for k in 0..<u.count {
                let isHan = scalarAtUTF16.isEmpty ? CharacterClass.isHan(UInt32(u[k])) : CharacterClass.isHan(normalized[Int(scalarAtUTF16[k])])
                if isHan {
                    u[k] = inRun ? Self.runMask : Self.mask
                    inRun = true
                } else {
                    inRun = false
                }
            }
        }
    }

    /// What the first character of a Han run becomes (private use: a segment of its own).
    static let mask: UInt16 = 0xE000
    /// What the rest of the run becomes (a combining mark: no break before it).
    static let runMask: UInt16 = 0x0300

    /// Normalises the scalars (the UTF-16 buffer ICU reads is made only when
    /// ICU runs: `prepareUTF16`).
    private func prepare(_ scalars: UnsafeBufferPointer<UInt32>) {
        let keys = lexicon.keys
        // A local array: a class's stored arrays cost an exclusivity check per append.
        var normalized = self.normalized
        self.normalized = []
        defer { self.normalized = normalized }
        normalized.removeAll(keepingCapacity: true)
        normalized.reserveCapacity(scalars.count)
        for v in scalars { normalized.append(keys.key(v)) }
        utf16Ready = false
    }

    /// Makes the UTF-16 buffer ICU reads from the normalised scalars, once
    /// per text. Why not in `prepare`: most paragraphs (Han, ASCII letters
    /// and digits, punctuation ICU always isolates) never reach ICU's
    /// iterators (`SimpleSentenceBreaker`, `breakSimply`).
    private func prepareUTF16() {
        guard !utf16Ready else { return }
        utf16Ready = true
        var utf16 = self.utf16, scalarAtUTF16 = self.scalarAtUTF16
        self.utf16 = []; self.scalarAtUTF16 = []
        defer { self.utf16 = utf16; self.scalarAtUTF16 = scalarAtUTF16 }
        utf16.removeAll(keepingCapacity: true)
        scalarAtUTF16.removeAll(keepingCapacity: true)
        utf16.reserveCapacity(normalized.count)
        var supplementary = false
        for m in normalized {
            if m < 0x10000 {
                utf16.append(UInt16(truncatingIfNeeded: m))
            } else {
                supplementary = true
                let u = m - 0x10000
                utf16.append(UInt16(truncatingIfNeeded: 0xD800 + (u >> 10)))
                utf16.append(UInt16(truncatingIfNeeded: 0xDC00 + (u & 0x3FF)))
            }
        }
        if supplementary {
            scalarAtUTF16.reserveCapacity(utf16.count + 1)
            for (k, m) in normalized.enumerated() {
                scalarAtUTF16.append(Int32(k))
                if m >= 0x10000 { scalarAtUTF16.append(Int32(k)) }
            }
            scalarAtUTF16.append(Int32(normalized.count))
        }
    }

    @inline(__always)
    private func scalarOffset(_ utf16Offset: Int32) -> Int {
        scalarAtUTF16.isEmpty ? Int(utf16Offset) : Int(scalarAtUTF16[Int(utf16Offset)])
    }

    /// ICU's word segments into `icu`; with `maskingHan`, Han runs are hidden
    /// from ICU (`maskHan`), or ICU is skipped when the text is simple.
    private func breakWords(count n: Int, maskingHan: Bool = false) throws {
        var icu = self.icu
        self.icu = Lattice.ICUSegments()
        defer { self.icu = icu }
        icu.reset(count: n)
        let normalized = self.normalized
        if maskingHan && usesShortcuts && Self.breakSimply(normalized, into: &icu) { return }
        prepareUTF16()
        if maskingHan { maskHan() }
        let scalarAtUTF16 = self.scalarAtUTF16
        @inline(__always)
        func scalarOffset(_ utf16Offset: Int32) -> Int {
            scalarAtUTF16.isEmpty ? Int(utf16Offset) : Int(scalarAtUTF16[Int(utf16Offset)])
        }
        try utf16.withUnsafeBufferPointer { buffer in
            try words.withBoundaries(utf16: buffer) { cuts, statuses in
                guard cuts.count >= 2 else { return }
                for k in 1..<cuts.count {
                    let start = scalarOffset(cuts[k - 1])
                    let end = scalarOffset(cuts[k])
                    guard end > start else { continue }
                    icu.end[start] = Int32(end)
                    icu.status[start] = statuses[k]
                    if TokenKind.isIdeographicStatus(statuses[k]) {
                        for p in start..<end { icu.ideographic[p] = true }
                    } else if CharacterClass.isHan(normalized[start]) {
                        // A masked Han run (with any real combining marks inside it).
                        for p in start..<end where CharacterClass.isHan(normalized[p]) { icu.ideographic[p] = true }
                    }
                }
            }
        }
    }

    /// ICU's word segments for a text of Han runs, ASCII letters and digits,
    /// spaces and characters ICU always isolates (`IsolatedCharacters`),
    /// without running ICU: each masked Han run is one segment with rule
    /// status 0; a run of ASCII letters, digits and underscores one segment,
    /// with the status ICU's rules end on (`runStatus`: 100
    /// UBRK_WORD_NUMBER, 200 UBRK_WORD_LETTER; x2 is a number, 2x a word);
    /// a run of spaces one segment with status 0 (rule WB3d); every other
    /// character one of its own with status 0. A character that joins two
    /// letters or two digits (`IsolatedCharacters`: . ' in a.b and don't,
    /// . , in 3.5 and 1,000) continues the run between such a pair and is
    /// isolated elsewhere (http://, a.1). Any other character is left to
    /// ICU: false, with `icu` untouched.
    /// `_`, which joins letters, digits and itself (ExtendNumLet).
    static let underscore: UInt32 = 0x5F

    /// The rule status ICU gives a run of letters, digits and underscores:
    /// that of the rule that matched its end. A letter or digit at the end
    /// decides (x2: 100, 2x: 200); an underscore after a letter or digit
    /// takes that one's class (1_: 100); after another underscore it is a
    /// letter rule (1__: 200); a lone underscore matches none (0).
    @inline(__always)
    static func runStatus(_ t: UnsafeBufferPointer<UInt32>, from p: Int, to e: Int) -> Int32 {
        var last = t[e - 1]
        if last == underscore {
            guard e - p >= 2 else { return 0 }
            last = t[e - 2]
            if last == underscore { return 200 }
        }
        return CharacterClass.isDigit(last) ? 100 : 200
    }

    static func breakSimply(_ text: [UInt32], into icu: inout Lattice.ICUSegments) -> Bool {
        IsolatedCharacters.shared.withBits { isolated in
            text.withUnsafeBufferPointer { t in
                let n = t.count
                for k in 0..<n {
                    let c = t[k]
                    if !CharacterClass.isASCIIAlphanumeric(c) && c != Self.underscore && !CharacterClass.isHan(c) && !isolated.contains(c) && !isolated.isSpace(c) {
                        return false
                    }
                }
                icu.end.withUnsafeMutableBufferPointer { end in
                icu.status.withUnsafeMutableBufferPointer { status in
                icu.ideographic.withUnsafeMutableBufferPointer { ideographic in
                    var p = 0
                    while p < n {
                        var e = p + 1
                        if CharacterClass.isHan(t[p]) {
                            while e < n && CharacterClass.isHan(t[e]) { e += 1 }
                            for q in p..<e { ideographic[q] = true }
                        } else if isolated.isSpace(t[p]) {
                            while e < n && isolated.isSpace(t[e]) { e += 1 }
                        } else if CharacterClass.isASCIIAlphanumeric(t[p]) || t[p] == Self.underscore {
                            // Letters, digits and underscores, mixed or not, are one segment (WB5,
                            // WB8-WB10, WB13a-b), and so is a joiner between two letters or two digits
                            // (WB6-WB7, WB11-WB12: a.b, 3.5, 1,000).
                            while e < n {
                                if CharacterClass.isASCIIAlphanumeric(t[e]) || t[e] == Self.underscore {
                                    e += 1
                                } else if e + 1 < n, CharacterClass.isASCIIAlphanumeric(t[e - 1]), CharacterClass.isASCIIAlphanumeric(t[e + 1]),
                                          CharacterClass.isDigit(t[e - 1]) == CharacterClass.isDigit(t[e + 1]),
                                          CharacterClass.isDigit(t[e - 1]) ? isolated.joinsDigits(t[e]) : isolated.joinsLetters(t[e]) {
                                    e += 2
                                } else {
                                    break
                                }
                            }
                            status[p] = Self.runStatus(t, from: p, to: e)
                        }
                        end[p] = Int32(e)
                        p = e
                    }
                }
                }
                }
                return true
            }
        }
    }

    private func breakSentences(count n: Int) throws -> [(start: Int, end: Int)] {
        prepareUTF16()
        return try utf16.withUnsafeBufferPointer { buffer in
            try sentences.withBoundaries(utf16: buffer) { cuts, _ in
                var pairs: [(start: Int, end: Int)] = []
                guard cuts.count >= 2 else { return [(0, n)] }
                for k in 1..<cuts.count {
                    let start = scalarOffset(cuts[k - 1]), end = scalarOffset(cuts[k])
                    if end > start { pairs.append((start, end)) }
                }
                return pairs
            }
        }
    }
}
