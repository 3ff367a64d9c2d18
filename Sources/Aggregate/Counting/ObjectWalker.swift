import Records

/// The member names the report reads, recognised from their raw bytes.
enum MemberKey {
    case type, text, norm, start, end, role, title, kind, unit, value, max, approx, other

    /// The key whose bytes are `raw`.
    static func of(_ raw: UnsafeBufferPointer<UInt8>) -> MemberKey {
        guard raw.count <= 8 else { return .other }
        var word: UInt64 = 0
        for i in 0..<raw.count { word |= UInt64(raw[i]) << UInt64(8 * i) }
        return of(word: word)
    }

    /// The key whose bytes (at most 8, none 0), read as one little-endian
    /// integer, are `word`: one comparison per name, no call. The constants
    /// are the names' bytes (`FieldScannerTests` checks them).
    @inline(__always)
    static func of(word: UInt64) -> MemberKey {
        switch word {
        case 0x6570_7974: return .type          // "type"
        case 0x7478_6574: return .text          // "text"
        case 0x6D72_6F6E: return .norm          // "norm"
        case 0x74_7261_7473: return .start      // "start"
        case 0x64_6E65: return .end             // "end"
        case 0x656C_6F72: return .role          // "role"
        case 0x65_6C74_6974: return .title      // "title"
        case 0x646E_696B: return .kind          // "kind"
        case 0x7469_6E75: return .unit          // "unit"
        case 0x65_756C_6176: return .value      // "value"
        case 0x78_616D: return .max             // "max"
        case 0x786F_7270_7061: return .approx   // "approx"
        default: return .other
        }
    }
}

/// Walks an array of objects member by member (JSON already validated by
/// the record parser; structural surprises still raise `RecordError`).
///
/// The walker moves over the bytes itself (white space, commas, brackets,
/// plain keys, and the values it skips or reads when they are plain strings,
/// integers or literals) and hands anything else to `JSONScanner`, so the
/// hot loop makes no call for a byte it can read in place. A value read in
/// place is one the scanner would accept and end at the same byte.
struct ObjectWalker {
    let buffer: UnsafeBufferPointer<UInt8>
    let field: String
    /// The next byte to read.
    private(set) var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>, field: String) {
        self.buffer = buffer
        self.field = field
    }

    func invalid(_ message: String) -> RecordError { RecordError.invalidField(field, message) }

    /// The next byte, if any, without consuming it.
    @inline(__always)
    func peek() -> UInt8? { position < buffer.count ? buffer[position] : nil }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < buffer.count {
            let b = buffer[position]
            guard b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D else { return }
            position += 1
        }
    }

    /// Runs `body` on a scanner at the current position and moves past what it read.
    @inline(__always)
    mutating func scanning<R>(_ body: (inout JSONScanner) throws(JSONSyntaxError) -> R) throws -> R {
        var scanner = JSONScanner(buffer, from: position)
        do {
            let result = try body(&scanner)
            position = scanner.offset
            return result
        } catch {
            throw invalid(error.message)
        }
    }

    /// Enters the array; false for null (no items).
    mutating func beginArray(expected: String) throws -> Bool {
        skipWhitespace()
        guard let b = peek() else { return false }
        if b == UInt8(ascii: "n") { return false }
        guard b == UInt8(ascii: "[") else { throw RecordError.wrongType(field: field, expected: expected, found: Record.typeName(startingWith: b)) }
        try step()
        return true
    }

    /// Enters the next object; false at the end of the array.
    mutating func nextObject(item: String) throws -> Bool {
        skipWhitespace()
        guard let b = peek() else { throw invalid("unexpected end of the array") }
        if b == UInt8(ascii: ",") { try step(); skipWhitespace() }
        guard let c = peek() else { throw invalid("unexpected end of the array") }
        if c == UInt8(ascii: "]") { try step(); return false }
        guard c == UInt8(ascii: "{") else { throw invalid("\(item) is \(Record.typeName(startingWith: c)), not an object") }
        try step()
        return true
    }

    /// The next member's key (positioned at its value); nil at the object's end.
    mutating func nextKey() throws -> MemberKey? {
        skipWhitespace()
        guard var b = peek() else { throw invalid("unexpected end inside an object") }
        if b == UInt8(ascii: ",") { try step(); skipWhitespace(); b = peek() ?? 0 }
        if b == UInt8(ascii: "}") { try step(); return nil }
        guard b == UInt8(ascii: "\"") else { throw invalid("expected a quoted key") }
        let start = position + 1
        // The keys read are short and plain ASCII: a key of up to 7 such
        // bytes closed by its quote is read in one load and named from it.
        if start + 8 <= buffer.count {
            let bytes = ByteLanes.load(buffer.baseAddress! + start)
            let quotes = ByteLanes.equal(bytes, UInt8(ascii: "\""))
            if quotes != 0 {
                let length = ByteLanes.lowest(quotes), key = ByteLanes.below(length)
                let odd = ByteLanes.control(bytes) | ByteLanes.nonASCII(bytes) | ByteLanes.equal(bytes, UInt8(ascii: "\\"))
                if odd & key == 0 {
                    position = start + length + 1
                    return try valueAfterKey(MemberKey.of(word: bytes & key))
                }
            }
        }
        // Near the end of the buffer, or a longer key: up to 8 bytes are
        // read here one by one.
        var close = start, word: UInt64 = 0
        while close < buffer.count, close - start < 8 {
            let c = buffer[close]
            guard c >= 0x20, c < 0x80, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") else { break }
            word |= UInt64(c) << UInt64(8 * (close - start))
            close += 1
        }
        if close < buffer.count, buffer[close] == UInt8(ascii: "\"") {
            position = close + 1
            return try valueAfterKey(MemberKey.of(word: word))
        }
        // Longer keys: find the closing quote here, and leave anything else
        // (escapes, other bytes, the end) to the scanner.
        while close < buffer.count, buffer[close] >= 0x20, buffer[close] < 0x80,
              buffer[close] != UInt8(ascii: "\""), buffer[close] != UInt8(ascii: "\\") { close += 1 }
        if close < buffer.count, buffer[close] == UInt8(ascii: "\"") {
            position = close + 1
        } else {
            try scanning { s throws(JSONSyntaxError) in _ = try s.scanString(decode: false) }
        }
        return try valueAfterKey(MemberKey.of(UnsafeBufferPointer(rebasing: buffer[start..<(position - 1)])))
    }

    /// Moves past the ':' after a key, to its value; returns `key`.
    @inline(__always)
    private mutating func valueAfterKey(_ key: MemberKey) throws -> MemberKey {
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw invalid("expected ':' after a key") }
        try step()
        skipWhitespace()
        return key
    }

    /// Moves past the byte at the current position.
    private mutating func step() throws {
        guard position < buffer.count else { throw invalid("unexpected end of line, expected a character") }
        position += 1
    }

    mutating func skip() throws {
        if skipPlainValue() { return }
        try scanning { s throws(JSONSyntaxError) in try s.skipValue(depth: 2) }
    }

    /// Moves past a plain string, integer, true, false or null; false (not
    /// moved) for anything else.
    @inline(__always)
    private mutating func skipPlainValue() -> Bool {
        guard position < buffer.count else { return false }
        switch buffer[position] {
        case UInt8(ascii: "\""):
            guard let close = plainStringEnd(from: position + 1) else { return false }
            position = close + 1
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let end = plainIntegerEnd() else { return false }
            position = end
            return true
        case UInt8(ascii: "t"): return skipLiteral(0x6575_7274, count: 4)   // "true"
        case UInt8(ascii: "f"): return skipLiteral(0x65_736C_6166, count: 5) // "false"
        case UInt8(ascii: "n"): return skipLiteral(0x6C6C_756E, count: 4)   // "null"
        default: return false
        }
    }

    /// The closing quote of a string whose text starts at `start`, when the
    /// text holds no escape or control byte (nil: leave it to the scanner).
    @inline(__always)
    private func plainStringEnd(from start: Int) -> Int? {
        var close = start
        // Eight bytes at a time up to the first quote, backslash or control byte ...
        while close + 8 <= buffer.count {
            let bytes = ByteLanes.load(buffer.baseAddress! + close)
            let stops = ByteLanes.equal(bytes, UInt8(ascii: "\"")) | ByteLanes.equal(bytes, UInt8(ascii: "\\")) | ByteLanes.control(bytes)
            if stops != 0 {
                close += ByteLanes.lowest(stops)
                break
            }
            close += 8
        }
        // ... then byte by byte (the one found, or the last few bytes).
        while close < buffer.count, buffer[close] != UInt8(ascii: "\""), buffer[close] != UInt8(ascii: "\\"), buffer[close] >= 0x20 { close += 1 }
        return close < buffer.count && buffer[close] == UInt8(ascii: "\"") ? close : nil
    }

    /// Where the integer literal at the current position ends: an optional
    /// '-', then "0" or digits not starting with 0, not followed by a
    /// fraction or an exponent (nil: leave it to the scanner).
    @inline(__always)
    private func plainIntegerEnd() -> Int? {
        var i = position
        if buffer[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        while i < buffer.count, buffer[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        guard i > first, buffer[first] != UInt8(ascii: "0") || i == first + 1 else { return nil }
        if i < buffer.count, buffer[i] == UInt8(ascii: ".") || buffer[i] | 0x20 == UInt8(ascii: "e") { return nil }
        return i
    }

    /// Moves past `count` bytes equal to `word`'s (little-endian), if they are.
    @inline(__always)
    private mutating func skipLiteral(_ word: UInt64, count: Int) -> Bool {
        guard position + count <= buffer.count else { return false }
        var read: UInt64 = 0
        for i in 0..<count { read |= UInt64(buffer[position + i]) << UInt64(8 * i) }
        guard read == word else { return false }
        position += count
        return true
    }

    /// A string value (nil, skipped, for anything else).
    mutating func string() throws -> String? {
        guard peek() == UInt8(ascii: "\"") else { try skip(); return nil }
        return try scanning { s throws(JSONSyntaxError) in try s.scanString(decode: true) }
    }

    /// A string value as a `RawString` (nil, skipped, for anything else).
    mutating func undecodedString() throws -> RawString? {
        guard peek() == UInt8(ascii: "\"") else { try skip(); return nil }
        let start = position + 1
        // Plain text: found here; escapes and control bytes go to the
        // scanner (which checks them as it skips).
        if let close = plainStringEnd(from: start) {
            position = close + 1
            return RawString(content: start..<close, escaped: false)
        }
        try scanning { s throws(JSONSyntaxError) in try s.skipValue(depth: 2) }
        return RawString(content: start..<(position - 1), escaped: true)
    }

    /// A number value, or a string holding one, exactly.
    mutating func number() throws -> DecimalValue? {
        guard let b = peek() else { return nil }
        if b == UInt8(ascii: "\"") { return try string().flatMap { DecimalValue($0) } }
        guard b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) else { try skip(); return nil }
        let start = position
        try skip()
        let literal = UnsafeBufferPointer(rebasing: buffer[start..<position])
        if let n = IntegerLiteral.value(literal) { return DecimalValue(n) }
        return DecimalValue(String(decoding: literal, as: UTF8.self))
    }

    /// A number value as an Int (what `number()?.intValue` gives), read
    /// straight from a plain integer literal when it is one.
    mutating func integer() throws -> Int? {
        if position < buffer.count, let end = plainIntegerEnd(),
           let n = IntegerLiteral.value(UnsafeBufferPointer(rebasing: buffer[position..<end])) {
            position = end
            return n
        }
        return try number()?.intValue
    }

    mutating func bool() throws -> Bool? {
        let b = peek()
        try skip()
        return b == UInt8(ascii: "t") ? true : b == UInt8(ascii: "f") ? false : nil
    }

    /// A string, or an array of strings (roles may be either).
    mutating func strings() throws -> [String] {
        guard peek() == UInt8(ascii: "[") else { return try string().map { [$0] } ?? [] }
        return try scanning { s throws(JSONSyntaxError) in try s.parseValue(depth: 2) }.array?.compactMap(\.string) ?? []
    }
}
