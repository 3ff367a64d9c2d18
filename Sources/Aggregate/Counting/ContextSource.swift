import Records

/// The paragraph text, decoded only when a first appearance needs context.
///
/// The text is read as the record's UTF-8 bytes and decoded straight into
/// scalar values (no String is built for it), and the context is written as
/// bytes: a first appearance is rare next to the mentions counted, but its
/// paragraph can be long.
struct ContextSource {
    let record: Record
    var scalars: [UInt32]?

    init(record: Record) { self.record = record }

    /// Up to `radius` characters either side of [start, end), whitespace
    /// runs shown as one space; empty when the record has no text.
    mutating func around(_ start: Int, _ end: Int, radius: Int, whitespace: inout WhitespaceMemo) -> String {
        if scalars == nil { scalars = (try? record.withStringBytes("text") { UTF8Scalars.array($0) }) ?? [] }
        let text = scalars!
        guard !text.isEmpty else { return "" }
        let lo = max(0, min(start, text.count) - radius)
        let hi = min(text.count, max(end, start) + radius)
        guard lo < hi else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(4 * (hi - lo))
        var lastWasSpace = false
        for v in text[lo..<hi] {
            // C0 controls count as space; the ASCII white space is 0x09-0x0D and 0x20.
            let space = v <= 0x20 || (v >= 0x80 && whitespace.isWhitespace(v))
            if space { if !lastWasSpace { out.append(0x20) } } else { UTF8Scalars.append(v, to: &out) }
            lastWasSpace = space
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Whether a character is Unicode white space, looked up once per character.
///
/// Why: `Unicode.Scalar.Properties.isWhitespace` costs a few hundred
/// instructions a call, and contexts keep meeting the same few thousand
/// characters; a bit per Basic Multilingual Plane character remembers the
/// answer (characters beyond it are asked every time).
struct WhitespaceMemo {
    private static let planeWords = 0x10000 / 64
    private var known: [UInt64] = []
    private var spaces: [UInt64] = []

    mutating func isWhitespace(_ value: UInt32) -> Bool {
        guard value < 0x10000 else { return Unicode.Scalar(value)?.properties.isWhitespace ?? false }
        if known.isEmpty {
            known = Array(repeating: 0, count: Self.planeWords)
            spaces = Array(repeating: 0, count: Self.planeWords)
        }
        let word = Int(value >> 6), bit = UInt64(1) << UInt64(value & 63)
        if known[word] & bit == 0 {
            known[word] |= bit
            if Unicode.Scalar(value)?.properties.isWhitespace ?? false { spaces[word] |= bit }
        }
        return spaces[word] & bit != 0
    }
}
