/// What one fast scan of a text finds: which kinds of character that damage
/// leaves are in it, whether it is a markup document, and whether it has
/// blank lines.
///
/// Every pass looks here first and returns at once when its kind of damage
/// cannot be there, so clean text costs one table look-up per character for
/// all passes together (`TextUnderRepair.survey()` keeps the result until the
/// text changes).
public struct TextSurvey: Sendable {
    /// Character classes present (`CharacterClass` bits, OR-ed).
    public var classes: CharacterClass = []
    /// The text is HTML or XML source (complete tags, a declaration): its
    /// markup is content, not damage, and its lines are not paragraphs.
    public var isMarkup = false
    /// A line break followed, after blanks only, by another one.
    public var hasBlankLine = false
    /// Complete tags (`<p>`, `</div>`, `<a href=…>`) counted.
    public var completeTags = 0

    /// How many complete tags make a text markup rather than prose with a stray tag.
    static let markupTagCount = 3

    public init(_ scalars: [Unicode.Scalar]) {
        let table = CharacterClass.table
        var mask: UInt16 = 0
        var blank = false
        scalars.withUnsafeBufferPointer { buffer in
            table.withUnsafeBufferPointer { t in
                var lastBreak = -2
                var onlyBlanksSinceBreak = false
                for i in 0..<buffer.count {
                    let v = buffer[i].value
                    let c = v < 0x10000 ? t[Int(v)] : CharacterClass.supplementary.rawValue
                    mask |= c
                    if c & CharacterClass.lineBreak.rawValue != 0 {
                        if onlyBlanksSinceBreak && lastBreak >= 0 && !(v == 0x0A && i > 0 && buffer[i - 1].value == 0x0D) { blank = true }
                        lastBreak = i
                        onlyBlanksSinceBreak = true
                    } else if onlyBlanksSinceBreak && c & CharacterClass.blank.rawValue == 0 {
                        onlyBlanksSinceBreak = false
                    }
                }
            }
        }
        classes = CharacterClass(rawValue: mask)
        hasBlankLine = blank
        if classes.contains(.angle) {
            completeTags = Self.countCompleteTags(scalars, limit: Self.markupTagCount)
            isMarkup = completeTags >= Self.markupTagCount || Self.startsWithDeclaration(scalars)
        }
    }

    /// Complete tags in the text (stops counting at `limit`): `<` then a
    /// letter, `/`, `!` or `?`, then anything but `<` and line breaks up to `>`.
    static func countCompleteTags(_ s: [Unicode.Scalar], limit: Int) -> Int {
        var count = 0
        var i = 0
        let n = s.count
        while i < n {
            if s[i] == "<", i + 1 < n, Self.isTagStart(s[i + 1]) {
                var k = i + 2
                while k < n, k - i < 400, s[k] != ">" && s[k] != "<" && s[k] != "\n" { k += 1 }
                if k < n, s[k] == ">" {
                    count += 1
                    if count >= limit { return count }
                    i = k + 1
                    continue
                }
            }
            i += 1
        }
        return count
    }

    @inline(__always)
    static func isTagStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "/" || c == "!" || c == "?"
    }

    /// `<?xml`, `<!DOCTYPE`, `<html` or `<!--` at the start (after blanks).
    static func startsWithDeclaration(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\n" || s[i] == "\r" || s[i] == "\t" || s[i] == "\u{FEFF}" { i += 1 }
        let head = String(String.UnicodeScalarView(s[i..<min(s.count, i + 9)])).lowercased()
        return head.hasPrefix("<?xml") || head.hasPrefix("<!doctype") || head.hasPrefix("<html") || head.hasPrefix("<!--")
    }
}

/// Kinds of character the passes look for, as bits (see `TextSurvey`).
public struct CharacterClass: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `?`
    public static let question = CharacterClass(rawValue: 1 << 0)
    /// U+FFFD
    public static let replacement = CharacterClass(rawValue: 1 << 1)
    /// Private use (E000–F8FF): GBK's user-defined area decoded.
    public static let privateUse = CharacterClass(rawValue: 1 << 2)
    /// `!`, `！`: bytes a mirror split on.
    public static let exclamation = CharacterClass(rawValue: 1 << 3)
    /// `”` (of `”“`, bytes a mirror split on).
    public static let closingQuote = CharacterClass(rawValue: 1 << 4)
    /// `*`, `＊`: a censored character.
    public static let star = CharacterClass(rawValue: 1 << 5)
    /// `<`, `>`: markup.
    public static let angle = CharacterClass(rawValue: 1 << 6)
    /// `&`: a character entity.
    public static let ampersand = CharacterClass(rawValue: 1 << 7)
    /// `(`, `（`: a pinyin annotation.
    public static let openParenthesis = CharacterClass(rawValue: 1 << 8)
    /// A line break.
    public static let lineBreak = CharacterClass(rawValue: 1 << 9)
    /// Space, tab, ideographic space, no-break space.
    public static let blank = CharacterClass(rawValue: 1 << 10)
    /// A measure word a number may have been deleted before (名, 人, 个, ...).
    public static let measure = CharacterClass(rawValue: 1 << 11)
    /// Latin-1 letters and symbols, C1 controls: text read as windows-1252.
    public static let latin = CharacterClass(rawValue: 1 << 12)
    /// Outside the BMP.
    public static let supplementary = CharacterClass(rawValue: 1 << 13)
    /// `)`, `）`.
    public static let closeParenthesis = CharacterClass(rawValue: 1 << 14)

    /// The class of every BMP scalar.
    static let table: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x10000)
        func mark(_ s: String, _ c: CharacterClass) { for u in s.unicodeScalars { t[Int(u.value)] |= c.rawValue } }
        mark("?", .question)
        t[0xFFFD] |= replacement.rawValue
        for v in 0xE000...0xF8FF { t[v] |= privateUse.rawValue }
        mark("!！", .exclamation)
        mark("”", .closingQuote)
        mark("*＊", .star)
        mark("<>", .angle)
        mark("&", .ampersand)
        mark("(（", .openParenthesis)
        mark(")）", .closeParenthesis)
        mark("\n\r\u{2028}\u{2029}", .lineBreak)
        mark(" \t\u{3000}\u{A0}", .blank)
        mark(MissingNumberPass.measureCharacters, .measure)
        for v in 0x80...0x24F { t[v] |= latin.rawValue }
        return t
    }()
}
