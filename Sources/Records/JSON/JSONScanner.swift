/// A validating JSON scanner over UTF-8 bytes, written for the record shape.
///
/// Foundation's decoders run at 5–20 MB/s on records like ours; the record
/// layer sits on every stage's path and must pass lines through at well over
/// 150 MB/s. The scanner checks the full grammar of RFC 8259 and that strings
/// are valid UTF-8, and either skips a value (keeping its bytes for verbatim
/// pass-through) or builds a `JSONValue` from it.
public struct JSONScanner {
    /// Nesting deeper than this is rejected rather than risking the stack.
    public static let maxDepth = 512

    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int

    public init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        // An empty buffer has no base address; point at a static byte instead.
        self.base = buffer.baseAddress ?? JSONScanner.emptyBase
        self.end = buffer.count
        self.position = start
    }

    private static let emptyBase: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    public var offset: Int { position }
    public var isAtEnd: Bool { position >= end }

    
    func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, message: message)
    }

    @inline(__always)
    public mutating func skipWhitespace() {
        while position < end {
            let b = base[position]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { position += 1 } else { return }
        }
    }

    /// The next byte, if any, without consuming it.
    
    public func peek() -> UInt8? { position < end ? base[position] : nil }

    
    public mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONSyntaxError) {
        guard position < end else { throw fail("unexpected end of line, expected \(what())") }
        guard base[position] == byte else { throw fail("expected \(what()), found \(Self.describe(base[position]))") }
        position += 1
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Skipping (validate only)

    /// Validates one value and moves past it.
    public mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard position < end else { throw fail("unexpected end of line, expected a value") }
        switch base[position] {
        case UInt8(ascii: "\""):
            _ = try skipString()
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { position += 1; return }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail(position < end ? "expected a quoted key, found \(Self.describe(base[position]))" : "unexpected end of line inside an object") }
                _ = try skipString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard position < end else { throw fail("unexpected end of line inside an object") }
                let b = base[position]
                position += 1
                if b == UInt8(ascii: "}") { return }
                guard b == UInt8(ascii: ",") else { throw fail("expected ',' or '}' in an object, found \(Self.describe(b))", at: position - 1) }
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { position += 1; return }
            while true {
                skipWhitespace()
                // Strings (tokens, kinds) are the usual items: skipped without the dispatch.
                if position < end && base[position] == UInt8(ascii: "\"") { _ = try skipString() } else { try skipValue(depth: depth + 1) }
                // Strings separated by a comma alone (compact JSON) skip the whitespace tests.
                while position + 1 < end && base[position] == UInt8(ascii: ",") && base[position + 1] == UInt8(ascii: "\"") {
                    position += 1
                    _ = try skipString()
                }
                skipWhitespace()
                guard position < end else { throw fail("unexpected end of line inside an array") }
                let b = base[position]
                position += 1
                if b == UInt8(ascii: "]") { return }
                guard b == UInt8(ascii: ",") else { throw fail("expected ',' or ']' in an array, found \(Self.describe(b))", at: position - 1) }
            }
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        default:
            throw fail("expected a value, found \(Self.describe(base[position]))")
        }
    }

    
    mutating func scanLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { throw fail("unexpected end of line in a literal") }
        let w = word.utf8Start
        for i in 0..<count where base[position + i] != w[i] {
            throw fail("invalid literal (expected \(word))")
        }
        position += count
    }

    /// Validates a number per the JSON grammar and moves past it.
    mutating func scanNumber() throws(JSONSyntaxError) {
        let start = position
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, isDigit(base[position]) else { throw fail("invalid number: a digit must follow '-'", at: start) }
        if base[position] == UInt8(ascii: "0") {
            position += 1
            if position < end, isDigit(base[position]) { throw fail("invalid number: leading zero", at: start) }
        } else {
            while position < end, isDigit(base[position]) { position += 1 }
        }
        if position < end, base[position] == UInt8(ascii: ".") {
            position += 1
            guard position < end, isDigit(base[position]) else { throw fail("invalid number: a digit must follow '.'", at: start) }
            while position < end, isDigit(base[position]) { position += 1 }
        }
        if position < end, base[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < end, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
            guard position < end, isDigit(base[position]) else { throw fail("invalid number: a digit must follow the exponent", at: start) }
            while position < end, isDigit(base[position]) { position += 1 }
        }
    }

    func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Scans a string starting at its opening quote. Validates escapes and
    /// UTF-8; with `decode`, returns its value (lone surrogates in `\u`
    /// escapes become U+FFFD, as a Swift string cannot hold them).
    public mutating func scanString(decode: Bool) throws(JSONSyntaxError) -> String? {
        let contentStart = position + 1
        let hasEscapes = try skipString()
        guard decode else { return nil }
        let content = UnsafeBufferPointer(start: base + contentStart, count: position - 1 - contentStart)
        if !hasEscapes { return String(decoding: content, as: UTF8.self) }
        return Self.unescape(content)
    }

    /// Validates a string starting at its opening quote and moves past its
    /// closing quote; true when it holds escapes. Inlined where values are
    /// skipped: arrays of short strings (tokens) are most of a record.
    @inline(__always)
    mutating func skipString() throws(JSONSyntaxError) -> Bool {
        position += 1  // opening quote
        let contentStart = position
        var hasEscapes = false
        while true {
            // Fast path: plain ASCII, and the common CJK case (lead byte
            // E1-EC, two continuation bytes) checked inline.
            while position < end {
                let b = base[position]
                if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    position += 1
                    skipPlainASCII()
                    continue
                }
                if b >= 0xE1 && b <= 0xEC && position + 2 < end
                    && base[position + 1] & 0xC0 == 0x80 && base[position + 2] & 0xC0 == 0x80 { position += 3; continue }
                break
            }
            guard position < end else { throw fail("unterminated string", at: contentStart - 1) }
            let b = base[position]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                hasEscapes = true
                try skipEscape()
            } else if b < 0x20 {
                throw controlCharacterError(b)
            } else {
                try skipUTF8Sequence()
            }
        }
        position += 1  // closing quote
        return hasEscapes
    }

    /// Moves over plain ASCII (no quote, backslash or control character) eight
    /// bytes at a time, stopping at the first byte that is not, or near the end.
    /// Why: field names, token kinds and Latin text are runs of such bytes, and
    /// testing a word of eight costs about what testing one byte does.
    @inline(__always)
    mutating func skipPlainASCII() {
        while position + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let stops = Self.stopBytes(word)
            if stops != 0 {
                position += stops.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    /// The bytes of `word` (first byte lowest) that end plain ASCII — quote,
    /// backslash, control characters, bytes of 0x80 and above — as their high
    /// bits. The lowest one is exact: the borrows of the subtractions only
    /// reach bytes above a flagged one.
    @inline(__always)
    static func stopBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control | word) & (ones &* 0x80)
    }

    func controlCharacterError(_ b: UInt8) -> JSONSyntaxError {
        fail("unescaped control character U+00\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true)) in a string (write it as \\u00\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true)))")
    }

    mutating func skipEscape() throws(JSONSyntaxError) {
        let start = position
        guard position + 1 < end else { throw fail("unterminated escape", at: start) }
        let c = base[position + 1]
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= end else { throw fail("truncated \\u escape", at: start) }
            for i in 2..<6 where Self.hexValue(base[position + i]) == nil {
                throw fail("invalid \\u escape: '\(Self.describe(base[position + i]))' is not a hex digit", at: start)
            }
            position += 6
        default:
            throw fail("invalid escape \\\(Self.describe(c))", at: start)
        }
    }

    
    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates).
    mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let b0 = base[position]
        guard let lead = UTF8Scalars.Lead(b0) else {
            throw JSONSyntaxError(offset: position, message: "invalid UTF-8: byte 0x\(String(b0, radix: 16, uppercase: true)) cannot start a character", isEncodingError: true)
        }
        let length = lead.continuations + 1
        guard position + length <= end else {
            throw JSONSyntaxError(offset: position, message: "invalid UTF-8: truncated character", isEncodingError: true)
        }
        let b1 = base[position + 1]
        guard lead.allows(b1, asContinuation: 1) else {
            throw JSONSyntaxError(offset: position, message: "invalid UTF-8: bad continuation byte 0x\(String(b1, radix: 16, uppercase: true))", isEncodingError: true)
        }
        for i in 2..<length where !lead.allows(base[position + i], asContinuation: i) {
            throw JSONSyntaxError(offset: position, message: "invalid UTF-8: bad continuation byte", isEncodingError: true)
        }
        position += length
    }

    /// How many bytes from `start` come before the next backslash (or the end).
    static func plainRunLength(_ content: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let rest = content.count - start
        guard rest > 0, let base = content.baseAddress else { return 0 }
        guard let found = memchr(base + start, Int32(UInt8(ascii: "\\")), rest) else { return rest }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base + start)
    }

    /// Decodes the content of a validated string that holds escapes.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(content.count)
        var i = 0
        func appendScalar(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            out.append(contentsOf: UTF8.encode(scalar)!)
        }
        func hex4(_ at: Int) -> UInt32 {
            (hexValue(content[at])! << 12) | (hexValue(content[at + 1])! << 8) | (hexValue(content[at + 2])! << 4) | hexValue(content[at + 3])!
        }
        while i < content.count {
            // The bytes up to the next backslash are copied in one piece.
            let run = Self.plainRunLength(content, from: i)
            if run > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: content[i..<(i + run)]))
                i += run
                continue
            }
            let c = content[i + 1]
            switch c {
            case UInt8(ascii: "b"): out.append(0x08); i += 2
            case UInt8(ascii: "f"): out.append(0x0C); i += 2
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "u"):
                let unit = hex4(i + 2)
                i += 6
                if unit >= 0xD800 && unit < 0xDC00, i + 6 <= content.count,
                   content[i] == UInt8(ascii: "\\"), content[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(i + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        i += 6
                        continue
                    }
                }
                appendScalar(unit)  // lone surrogates become U+FFFD
            default: out.append(c); i += 2  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
