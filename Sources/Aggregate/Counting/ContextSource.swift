import Records

/// The paragraph text, read only where a first appearance needs context.
///
/// Why: a first appearance is rare next to the mentions counted, but its
/// paragraph can be long. The text is the record's UTF-8 bytes as they are
/// (decoded into a String only when the JSON holds escapes); mention offsets
/// count scalars, so a cursor (scalar index, byte offset) walks the bytes
/// from one mention to the next (mentions come in order), and the context is
/// copied as bytes. Nothing before the first mention or after the last
/// context is decoded.
struct ContextSource {
    /// The record's `text` field as read (JSON, quotes included).
    private let json: ArraySlice<UInt8>?
    /// The text's UTF-8 bytes, once read (empty when the record has no text).
    private var text: ArraySlice<UInt8>?
    /// A scalar index into `text` and the byte offset where that scalar starts.
    private var cursor = (scalar: 0, byte: 0)

    /// `json`: the record's `text` field (nil when absent).
    init(text json: ArraySlice<UInt8>?) { self.json = json }

    init(record: Record) { self.init(text: record["text"]) }

    /// Up to `radius` characters either side of [start, end), whitespace
    /// runs shown as one space; empty when the record has no text.
    mutating func around(_ start: Int, _ end: Int, radius: Int, whitespace: inout WhitespaceMemo) -> String {
        if text == nil { text = Self.read(json) }
        return text!.withUnsafeBufferPointer { bytes in
            // As on the scalars: lo = max(0, min(start, count) - radius), hi = min(count, max(end, start) + radius).
            let clampedStart = start < 0 ? start : move(to: start, in: bytes)
            let lo = max(0, clampedStart - radius)
            let hiWanted = max(end, start) + radius
            guard lo < hiWanted else { return "" }
            let loScalar = move(to: lo, in: bytes), loByte = cursor.byte
            let hi = move(to: hiWanted, in: bytes)
            guard loScalar < hi else { return "" }
            return Self.folded(UnsafeBufferPointer(rebasing: bytes[loByte..<cursor.byte]), whitespace: &whitespace)
        }
    }

    /// Moves the cursor to scalar `index` (not negative), or to the end of
    /// the text when that comes first; returns the scalar index reached.
    private mutating func move(to index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var (scalar, byte) = cursor
        while scalar < index && byte < bytes.count {
            byte = min(bytes.count, byte + UTF8Scalars.length(startingWith: bytes[byte]))
            scalar += 1
        }
        while scalar > index {
            byte -= 1
            while bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            scalar -= 1
        }
        cursor = (scalar, byte)
        return scalar
    }

    /// `bytes` (whole scalars, not empty) with each whitespace run as one
    /// space, written straight into the String's storage (never longer).
    private static func folded(_ bytes: UnsafeBufferPointer<UInt8>, whitespace: inout WhitespaceMemo) -> String {
        let source = bytes.baseAddress!, count = bytes.count
        return String(unsafeUninitializedCapacity: count) { out in
            var i = 0, o = 0
            var lastWasSpace = false
            while i < count {
                let b = source[i]
                let length = min(count - i, UTF8Scalars.length(startingWith: b))
                // C0 controls count as space; the ASCII white space is 0x09-0x0D and 0x20.
                let space = b < 0x80 ? b <= 0x20 : Self.mayStartWhitespace(b) && whitespace.isWhitespace(Self.scalar(source + i, length: length))
                if space {
                    if !lastWasSpace { out[o] = 0x20; o += 1 }
                } else {
                    for k in 0..<length { out[o + k] = source[i + k] }
                    o += length
                }
                lastWasSpace = space
                i += length
            }
            return o
        }
    }

    /// False for a lead byte no white-space character above U+007F starts
    /// with. Those are U+0085 and U+00A0 (0xC2), U+1680 (0xE1), U+2000 to
    /// U+205F (0xE2) and U+3000 (0xE3); Chinese text (0xE4 to 0xE9) never
    /// asks the memo. `ContextSourceTests` checks every character.
    @inline(__always)
    static func mayStartWhitespace(_ lead: UInt8) -> Bool {
        lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3)
    }

    /// The value of the multi-byte scalar encoded by `length` bytes at `bytes`.
    @inline(__always)
    private static func scalar(_ bytes: UnsafePointer<UInt8>, length: Int) -> UInt32 {
        var value = UInt32(bytes[0]) & (0x7F >> UInt32(length))
        for k in 1..<length { value = value << 6 | UInt32(bytes[k] & 0x3F) }
        return value
    }

    /// The text's UTF-8 bytes from its JSON: the bytes between the quotes
    /// when there is no escape (the record reader checked they are UTF-8),
    /// else the decoded String's; empty when `json` is not a valid string.
    private static func read(_ json: ArraySlice<UInt8>?) -> ArraySlice<UInt8> {
        guard let json, json.first == UInt8(ascii: "\""), json.count >= 2, json.last == UInt8(ascii: "\"") else { return [] }
        let quoted = json.dropFirst().dropLast()
        let plain = quoted.withUnsafeBufferPointer { $0.isEmpty || memchr($0.baseAddress!, Int32(UInt8(ascii: "\\")), $0.count) == nil }
        if plain { return quoted }
        let decoded: String?? = json.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try? scanner.scanString(decode: true)
        }
        guard let text = decoded ?? nil else { return [] }
        return ArraySlice(text.utf8)
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

    @inline(__always)
    mutating func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x10000, !known.isEmpty {
            let word = Int(value >> 6), bit = UInt64(1) << UInt64(value & 63)
            if known[word] & bit != 0 { return spaces[word] & bit != 0 }
        }
        return learn(value)
    }

    /// Asks Unicode about a character not yet remembered (kept out of line:
    /// the common case above stays a few instructions).
    @inline(never)
    private mutating func learn(_ value: UInt32) -> Bool {
        let answer = Unicode.Scalar(value)?.properties.isWhitespace ?? false
        guard value < 0x10000 else { return answer }
        if known.isEmpty {
            known = Array(repeating: 0, count: Self.planeWords)
            spaces = Array(repeating: 0, count: Self.planeWords)
        }
        let word = Int(value >> 6), bit = UInt64(1) << UInt64(value & 63)
        known[word] |= bit
        if answer { spaces[word] |= bit }
        return answer
    }
}
