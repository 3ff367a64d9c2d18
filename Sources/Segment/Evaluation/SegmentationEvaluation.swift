import Records
import Script

/// Scores a segmenter (or a file of someone else's segmentation) against
/// gold data, and collects the first disagreements for `--diff`.
public struct SegmentationEvaluation {
    /// One sentence where test and gold differ.
    public struct Disagreement: Sendable {
        /// 1-based sentence (line) number in the gold file.
        public var sentence: Int
        public var gold: [String]
        public var test: [String]

        /// Two lines, gold and test, words separated by " / ", around the first difference.
        public func rendered(context: Int = 6) -> String {
            var g = SegmentationScore.pieces(gold).map(\.span)
            var t = SegmentationScore.pieces(test).map(\.span)
            var k = 0
            while k < g.count && k < t.count && g[k] == t[k] { k += 1 }
            let from = max(0, k - context)
            g = Array(g.dropFirst(from)); t = Array(t.dropFirst(from))
            func show(_ words: [String]) -> String {
                let pieces = SegmentationScore.pieces(words).map(\.word)
                let shown = pieces.dropFirst(from).prefix(context * 3)
                return (from > 0 ? "… " : "") + shown.joined(separator: " / ") + (from + shown.count < pieces.count ? " …" : "")
            }
            return "  \(sentence): gold  \(show(gold))\n  \(String(repeating: " ", count: String(sentence).count)): test  \(show(test))"
        }
    }

    /// The word list OOV is measured against, normalised.
    public let vocabulary: Set<String>
    public let normalizer: ScriptNormalizer
    public private(set) var score = SegmentationScore()
    public private(set) var disagreements: [Disagreement] = []
    public let diffLimit: Int
    /// The test segmentation of each sentence, when `keepSegmentation` is set.
    public private(set) var segmented: [[String]] = []
    public var keepSegmentation = false

    public init(vocabulary: Set<String>, normalizer: ScriptNormalizer, diffLimit: Int = 0) {
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        self.diffLimit = diffLimit
    }

    /// Adds one sentence's gold and test words.
    public mutating func add(sentence: Int, gold: [String], test: [String]) {
        let vocabulary = self.vocabulary
        let normalizer = self.normalizer
        let agree = score.add(gold: gold, test: test) { Self.isPunctuation($0) || vocabulary.contains(normalizer.normalize($0)) }
        if !agree && disagreements.count < diffLimit {
            disagreements.append(Disagreement(sentence: sentence, gold: gold, test: test))
        }
    }

    /// Punctuation and symbols count as in vocabulary (a bakeoff's training
    /// word list holds them; a dictionary does not).
    static func isPunctuation(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { s in
            switch s.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                return true
            default:
                return false
            }
        }
    }

    /// Segments each gold sentence's raw text (or `raws[i]` when given) with
    /// `segmenter` and scores it.
    public mutating func run(gold: GoldSegmentation, raws: [String]? = nil, segmenter: Segmenter) throws {
        for (i, sentence) in gold.sentences.enumerated() {
            let raw = raws.map { i < $0.count ? $0[i] : "" } ?? sentence.raw
            let tokens = try segmenter.tokens(raw)
            if keepSegmentation { segmented.append(tokens) }
            add(sentence: i + 1, gold: sentence.words, test: tokens)
        }
    }

    /// Scores a segmented test file (one sentence a line, words separated by
    /// white space), aligned line by line with the gold.
    public mutating func run(gold: GoldSegmentation, test: GoldSegmentation) {
        for (i, sentence) in gold.sentences.enumerated() {
            add(sentence: i + 1, gold: sentence.words, test: i < test.sentences.count ? test.sentences[i].words : [])
        }
    }

    /// The words of a word list: the first tab- or space-separated field of
    /// each line ('#' comment lines skipped), normalised.
    public static func wordList(path: String, normalizer: ScriptNormalizer) throws -> Set<String> {
        var words = Set<String>()
        for line in try GoldSegmentation.lines(path: path) where !line.hasPrefix("#") {
            guard let first = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).first else { continue }
            words.insert(normalizer.normalize(String(first)))
        }
        return words
    }
}
