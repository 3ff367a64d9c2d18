import Lexicon

/// Maps text to the form the stages match on: Simplified script and
/// half-width ASCII, one character for one character.
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

    private let table: [UInt32]

    /// Builds the normaliser from a lexicon folder's character table.
    public convenience init(lexicons: LexiconDirectory) throws {
        try self.init(tablePath: lexicons.file(Self.tableFile))
    }

    /// Builds the normaliser from a table file (traditional TAB simplified).
    public init(tablePath: String) throws {
        var table = (0..<UInt32(Self.tableSize)).map { $0 }
        Self.applyWidthFolding(&table)
        try LexiconFile.forEachRow(path: tablePath) { row in
            guard row.fields.count >= 2,
                  let from = Self.singleScalar(row.fields[0]), let to = Self.singleScalar(row.fields[1]) else {
                throw LexiconError(file: tablePath, line: row.line, problem: "expected one character, a tab and one character")
            }
            if Int(from.value) < Self.tableSize { table[Int(from.value)] = to.value }
        }
        self.table = table
    }

    /// A normaliser with only width folding (no script table), for tests and tools.
    public init() {
        var table = (0..<UInt32(Self.tableSize)).map { $0 }
        Self.applyWidthFolding(&table)
        self.table = table
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

    /// The normalised text: same number of scalars, each normalised.
    public func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(normalize(s)) }
        return String(out)
    }

    /// Normalises scalars in place.
    public func normalize(_ scalars: inout [Unicode.Scalar]) {
        for i in scalars.indices { scalars[i] = normalize(scalars[i]) }
    }

    /// True when `text` is already in normalised form.
    public func isNormalized(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { normalize($0) == $0 }
    }
}
