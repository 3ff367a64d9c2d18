import ICU
import Lexicon
import Records

/// Stage 2: sentences and words.
///
/// Adds `sentences` ([start, end) pairs of scalar offsets), `tokens` (strings
/// whose concatenation is `text`) and `token_kinds` (word, number, letter,
/// punctuation, space). The stage value holds the lexicon, loaded once and
/// shared; each worker thread gets a `SegmentProcessor` with its own ICU
/// iterators and buffers.
public struct SegmentStage: RecordStage {
    public let name = "segment"
    public let ownedFields = ["sentences", "tokens", "token_kinds"]

    /// The lexicon; nil means "load the default one when the first processor is made".
    let lexicon: SegmentLexicon?
    let mode: Segmenter.Mode
    let convention: SegmentConvention

    /// A stage over a loaded lexicon.
    public init(lexicon: SegmentLexicon, mode: Segmenter.Mode = .lattice, convention: SegmentConvention = .pku) {
        self.lexicon = lexicon
        self.mode = mode
        self.convention = convention
    }

    /// A stage that loads the lexicons found by `LexiconDirectory.locate()`
    /// (no user lexicons) when its first processor is made.
    public init() {
        self.lexicon = nil
        self.mode = .lattice
        self.convention = .pku
    }

    public func makeProcessor() throws -> any RecordProcessor {
        let lexicon = try self.lexicon ?? DefaultLexicon.shared()
        return try SegmentProcessor(segmenter: Segmenter(lexicon: lexicon, mode: mode, convention: convention))
    }
}

/// The default lexicon, loaded at most once per process.
enum DefaultLexicon {
    nonisolated(unsafe) private static var loaded: SegmentLexicon?
    private static let lock = Lock()

    static func shared() throws -> SegmentLexicon {
        try lock.withLock {
            if let loaded { return loaded }
            let lexicon = try SegmentLexicon(lexicons: try LexiconDirectory.locate())
            loaded = lexicon
            return lexicon
        }
    }
}
