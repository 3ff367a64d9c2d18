/// What a token is, as written to `token_kinds`.
///
/// Taken from ICU's word-break rule status where ICU made the token (numbers,
/// Latin letters, ideographs and kana, and "none" for punctuation, symbols
/// and spaces), and from the lattice where it joined pieces (a lexicon word
/// is a word, a number-grammar match a number).
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, letter, punctuation, space

    /// The name written to `token_kinds`.
    public var name: String {
        switch self {
        case .word: return "word"
        case .number: return "number"
        case .letter: return "letter"
        case .punctuation: return "punctuation"
        case .space: return "space"
        }
    }

    /// The JSON string literal of `name`, precomputed for the writer.
    var jsonLiteral: [UInt8] { Array("\"\(name)\"".utf8) }

    /// Every kind's `jsonLiteral` by raw value, in memory that lives as long
    /// as the program (the segment stage copies from it for every token).
    static let literalBuffers: [UnsafeBufferPointer<UInt8>] = allCases.map { kind in
        let literal = kind.jsonLiteral
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: literal.count)
        _ = buffer.initialize(from: literal)
        return UnsafeBufferPointer(buffer)
    }

    /// The kind of an ICU word-break segment: its rule status, and for status
    /// "none" whether it is all white space.
    static func fromICU(status: Int32, allSpace: Bool) -> TokenKind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<500: return .word
        default: return allSpace ? .space : .punctuation
        }
    }

    /// ICU's statuses for ideographs (400-499) and kana (300-399): segments
    /// the lattice may cut inside.
    @inline(__always)
    static func isIdeographicStatus(_ status: Int32) -> Bool { status >= 300 && status < 500 }
}
