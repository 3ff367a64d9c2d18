import Lexicon
import Script

/// The character the segmenter looks words up by: the script normaliser's
/// output (Traditional → Simplified, full-width → ASCII), then folded by
/// lexicons/segment_char_folds.tsv.
///
/// Why a fold on top of the normaliser: the normaliser maps each Traditional
/// character to one Simplified character (OpenCC's first choice), but some
/// have several (瞭 is 瞭 in 瞭望 and 了 in 瞭解; 藉 is 藉 or 借; 覆 is 覆 or
/// 复). Folding every candidate of such a character into one key character,
/// in the dictionary and in the text alike, lets 瞭解 find 了解 without a
/// context rule, at the price of merging a few look-up keys (两 spellings of
/// one word stay one word). Tokens are always cut from the original text, so
/// the fold never shows in output. One flat table, one load per character.
public struct KeyNormalizer: Sendable {
    /// The file the folds are read from.
    public static let foldsFile = "segment_char_folds.tsv"
    static let tableSize = 0x30000

    /// The script normaliser underneath (offsets and text comparisons use it alone).
    public let normalizer: ScriptNormalizer
    private let table: [UInt32]

    /// Normaliser plus folds (`foldsPath` nil: the normaliser alone). A bad
    /// row in the folds file throws with its line number.
    public init(normalizer: ScriptNormalizer, foldsPath: String? = nil) throws {
        self.normalizer = normalizer
        var folds = [UInt32](repeating: 0, count: Self.tableSize)
        for v in 0..<UInt32(Self.tableSize) { folds[Int(v)] = v }
        if let foldsPath {
            try LexiconFile.forEachRow(path: foldsPath) { row in
                let from = row.fields.first.map { Array($0.unicodeScalars) } ?? []
                let to = row.fields.count > 1 ? Array(row.fields[1].unicodeScalars) : []
                guard from.count == 1, to.count == 1, Int(from[0].value) < Self.tableSize, Int(to[0].value) < Self.tableSize else {
                    throw LexiconError(file: foldsPath, line: row.line, problem: "expected one character, a tab and its key character")
                }
                folds[Int(from[0].value)] = to[0].value
            }
        }
        var table = [UInt32](repeating: 0, count: Self.tableSize)
        for v in 0..<UInt32(Self.tableSize) {
            let m = normalizer.normalize(value: v)
            table[Int(v)] = m < UInt32(Self.tableSize) ? folds[Int(m)] : m
        }
        self.table = table
    }

    /// The key character of `v`.
    @inline(__always)
    public func key(_ v: UInt32) -> UInt32 {
        v < UInt32(Self.tableSize) ? table[Int(v)] : normalizer.normalize(value: v)
    }

    /// The key characters of a string.
    public func keys(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { key($0.value) }
    }
}
