import Foundation
import Lexicon
import Script

/// The data the rule passes share, loaded once per lexicon folder and
/// shared by every thread (all of it is immutable).
///
/// Loading words.tsv and the Unihan readings takes a noticeable fraction of
/// a second; the repair stage makes one set of passes per worker thread, so
/// the data is cached here by folder.
public final class RuleResources: Sendable {
    public let gbk: GBKTable
    public let readings: PinyinReadings
    /// Words, when lexicons/words.tsv is there (nil: the word-based repairs fall back to the model).
    public let words: WordLexicon?
    public let normalizer: ScriptNormalizer
    public let model: LanguageModel

    init(lexicons: LexiconDirectory, model: LanguageModel) throws {
        gbk = try GBKTable()
        readings = try PinyinReadings.load(path: lexicons.file(PinyinReadings.file), gbk: gbk, cache: BinaryCache.standard)
        words = lexicons.contains(WordLexicon.file) ? try WordLexicon.load(path: lexicons.file(WordLexicon.file), cache: BinaryCache.standard) : nil
        normalizer = model.normalizer
        self.model = model
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: RuleResources] = [:]

    /// The shared resources for a lexicon folder and model.
    public static func shared(lexicons: LexiconDirectory, model: LanguageModel) throws -> RuleResources {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[lexicons.path], cached.model === model { return cached }
        let loaded = try RuleResources(lexicons: lexicons, model: model)
        cache[lexicons.path] = loaded
        return loaded
    }

    /// The Simplified form of a character value (for word look-ups).
    @inline(__always)
    func simplified(_ v: UInt32) -> UInt32 { normalizer.normalize(value: v) }
}
