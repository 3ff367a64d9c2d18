import Lexicon
import Records

/// Maps text to the form the stages match on: Simplified script and
/// half-width ASCII, one character for one character.
///
/// Characters whose Simplified form depends on the word (乾 in 乾隆 stays,
/// in 乾燥 becomes 干) are settled by phrase overrides (t2s_phrases.tsv, from
/// OpenCC's phrase list, kept only where the phrase keeps its length), so
/// the text-level calls are context-aware while staying length-preserving;
/// the single-character calls use the character table alone.
///
/// Reports mix scripts (a mirror site converted some characters and left
/// others), and the same person is written 鄭偉 and 郑伟; matching, lexicon
/// look-ups and entity keys all work on this normalised form. The mapping is
/// strictly one scalar to one scalar, so offsets in the normalised text are
/// offsets in the original: a stage can segment or match the normalised form
/// and report spans of the original text. The table is a flat array over the
/// BMP and the first supplementary planes, so a character costs one load.
public final class ScriptNormalizer: Sendable {
    /// The file the character table is read from.
    public static let tableFile = "t2s_chars.tsv"
    static let tableSize = 0x30000

    /// The file of phrase overrides (traditional phrase TAB simplified phrase).
    public static let phraseFile = "t2s_phrases.tsv"

    private let table: [UInt32]
    /// Phrase overrides by the character they settle (empty without a phrase file).
    private let overrides: PhraseOverrides
    /// True for the characters some phrase override settles (a flat table, like `table`).
    private let triggers: [Bool]

    /// Builds the normaliser from a lexicon folder's character table and,
    /// when the folder has one, its phrase overrides.
    public convenience init(lexicons: LexiconDirectory) throws {
        try self.init(tablePath: lexicons.file(Self.tableFile),
                      phrasePath: lexicons.contains(Self.phraseFile) ? lexicons.file(Self.phraseFile) : nil)
    }

    /// The normaliser of a lexicon folder, built once per process while its
    /// files stay as they are: the stages of `zhpipe run` (repair's model,
    /// segment and extract) load on threads of their own, and each parsed
    /// the same character and phrase tables for a normaliser of its own.
    public static func shared(lexicons: LexiconDirectory) throws -> ScriptNormalizer {
        let phrasePath = lexicons.contains(phraseFile) ? lexicons.file(phraseFile) : nil
        let paths = [lexicons.file(tableFile)] + (phrasePath.map { [$0] } ?? [])
        guard let key = BinaryCache.identity(of: paths) else { return try ScriptNormalizer(lexicons: lexicons) }
        return try sharedLock.withLock {
            if let known = sharedByFiles[key] { return known }
            let built = try ScriptNormalizer(lexicons: lexicons)
            sharedByFiles[key] = built
            return built
        }
    }

    private static let sharedLock = Lock()
    nonisolated(unsafe) private static var sharedByFiles: [String: ScriptNormalizer] = [:]

    /// Builds the normaliser from a character table and a phrase file.
    public init(tablePath: String, phrasePath: String?) throws {
        let table = try Self.loadTable(tablePath)
        self.table = table
        let overrides = try phrasePath.map { try PhraseOverrides(path: $0, table: table) } ?? PhraseOverrides()
        self.overrides = overrides
        self.triggers = overrides.triggerTable(size: Self.tableSize)
    }

    /// Builds the normaliser from a table file (traditional TAB simplified).
    public convenience init(tablePath: String) throws {
        try self.init(tablePath: tablePath, phrasePath: nil)
    }

    static func loadTable(_ tablePath: String) throws -> [UInt32] {
        var table = (0..<UInt32(Self.tableSize)).map { $0 }
        Self.applyWidthFolding(&table)
        try LexiconFile.forEachRow(path: tablePath) { row in
            guard row.fields.count >= 2,
                  let from = Self.singleScalar(row.fields[0]), let to = Self.singleScalar(row.fields[1]) else {
                throw LexiconError(file: tablePath, line: row.line, problem: "expected one character, a tab and one character")
            }
            if Int(from.value) < Self.tableSize { table[Int(from.value)] = to.value }
        }
        return table
    }

    /// A normaliser with only width folding (no script table), for tests and tools.
    public init() {
        var table = (0..<UInt32(Self.tableSize)).map { $0 }
        Self.applyWidthFolding(&table)
        self.table = table
        self.overrides = PhraseOverrides()
        self.triggers = [Bool](repeating: false, count: Self.tableSize)
    }

    static func singleScalar(_ s: String) -> Unicode.Scalar? {
        var it = s.unicodeScalars.makeIterator()
        guard let first = it.next(), it.next() == nil else { return nil }
        return first
    }

    /// Full-width ASCII (U+FF01–FF5E) to ASCII, and the ideographic space to a space.
    static func applyWidthFolding(_ table: inout [UInt32]) {
        for v in UInt32(0xFF01)...UInt32(0xFF5E) { table[Int(v)] = v - 0xFF01 + 0x21 }
        table[0x3000] = 0x20
    }

    /// The normalised form of one character.
    public func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        guard v < UInt32(Self.tableSize) else { return scalar }
        return Unicode.Scalar(table[Int(v)]) ?? scalar
    }

    /// The normalised form of one character value (UTF-32).
    public func normalize(value v: UInt32) -> UInt32 {
        v < UInt32(Self.tableSize) ? table[Int(v)] : v
    }

    /// Appends the normalised form of each of `values` to `out`, character by
    /// character as `normalize(value:)` does (no phrase overrides): one call
    /// per text, into an array the caller can reuse.
    public func normalize(eachOf values: UnsafeBufferPointer<UInt32>, into out: inout [UInt32]) {
        let start = out.count
        out.append(contentsOf: values)
        out.withUnsafeMutableBufferPointer { out in
            for i in start..<out.count { out[i] = normalize(value: out[i]) }
        }
    }

    /// The normalised text: same number of scalars, each normalised (phrase overrides applied).
    public func normalize(_ text: String) -> String {
        var values = text.unicodeScalars.map(\.value)
        normalize(values: &values)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for v in values { UTF8Scalars.append(v, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Normalises scalars in place (phrase overrides applied).
    public func normalize(_ scalars: inout [Unicode.Scalar]) {
        var values = scalars.map(\.value)
        normalize(values: &values)
        for i in scalars.indices { scalars[i] = Unicode.Scalar(values[i]) ?? scalars[i] }
    }

    /// Normalises scalar values in place: the fast path (one table load per
    /// character; characters with phrase overrides look at their neighbours).
    public func normalize(values: inout [UInt32]) {
        var triggered: [(index: Int, original: UInt32)] = []
        let limit = UInt32(Self.tableSize)
        values.withUnsafeMutableBufferPointer { buffer in
            table.withUnsafeBufferPointer { t in
                triggers.withUnsafeBufferPointer { isTrigger in
                    for i in buffer.indices {
                        let v = buffer[i]
                        guard v < limit else { continue }
                        if isTrigger[Int(v)] { triggered.append((i, v)) }
                        buffer[i] = t[Int(v)]
                    }
                }
            }
        }
        guard !triggered.isEmpty else { return }
        // Rare: a character whose conversion depends on the word.
        var outputs: [(Int, UInt32)] = []
        values.withUnsafeBufferPointer { normalized in
            for (index, original) in triggered {
                if let out = overrides.match(normalized, at: index, original: original) { outputs.append((index, out)) }
            }
        }
        for (index, out) in outputs { values[index] = out }
    }

    /// True when `text` is already in normalised form.
    public func isNormalized(_ text: String) -> Bool {
        normalize(text) == text
    }
}
