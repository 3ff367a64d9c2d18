import Records

/// Reads `entities` and `numbers` straight from a record's bytes into small
/// structs, decoding only the members the report uses and skipping the rest.
///
/// Equivalent to parsing the field as a `JSONValue` and picking members, at
/// a fraction of the allocations: keys are matched on their raw bytes, the
/// strings the report keys its tables by are left as byte ranges (see
/// `RawString`), items go to a buffer the caller reuses, and no closure
/// captures state, because the report reads every mention of a large
/// stream and this is its hot path.
enum FieldScanner {
    /// The members of one entity the report reads.
    struct Entity {
        var type: RawString?
        var text: RawString?
        var norm: RawString?
        var start: Int?
        var end: Int?
        var roles: [String] = []
    }

    /// The members of one number the report reads.
    struct Number {
        var kind: RawString?
        var unit: RawString?
        var value: DecimalValue?
        var max: DecimalValue?
        var approx = false
    }

    /// Replaces `items` with the entities in `json` (an array of objects, or null).
    static func entities(_ json: ArraySlice<UInt8>, into items: inout [Entity]) throws {
        items.removeAll(keepingCapacity: true)
        try json.withUnsafeBufferPointer { buffer in
            var w = ObjectWalker(buffer, field: "entities")
            guard try w.beginArray(expected: "an array of entity objects") else { return }
            while try w.nextObject(item: "an entity") {
                var e = Entity()
                while let key = try w.nextKey() {
                    switch key {
                    case .type: e.type = try w.undecodedString()
                    case .text: e.text = try w.undecodedString()
                    case .norm: e.norm = try w.undecodedString()
                    case .start: e.start = try w.number()?.intValue
                    case .end: e.end = try w.number()?.intValue
                    case .role, .title: e.roles += try w.strings().filter { !$0.isEmpty }
                    default: try w.skip()
                    }
                }
                items.append(e)
            }
        }
    }

    /// Replaces `items` with the numbers in `json` (an array of objects, or null).
    static func numbers(_ json: ArraySlice<UInt8>, into items: inout [Number]) throws {
        items.removeAll(keepingCapacity: true)
        try json.withUnsafeBufferPointer { buffer in
            var w = ObjectWalker(buffer, field: "numbers")
            guard try w.beginArray(expected: "an array of number objects") else { return }
            while try w.nextObject(item: "a number") {
                var n = Number()
                while let key = try w.nextKey() {
                    switch key {
                    case .kind: n.kind = try w.undecodedString()
                    case .unit: n.unit = try w.undecodedString()
                    case .value: n.value = try w.number()
                    case .max: n.max = try w.number()
                    case .approx: n.approx = try w.bool() ?? false
                    default: try w.skip()
                    }
                }
                items.append(n)
            }
        }
    }
}

/// A JSON string value left undecoded: where its text lies in the field's
/// bytes, and whether it holds escapes (then the bytes are not yet the text).
///
/// Why: most strings the report reads are table keys; without escapes their
/// bytes are the key, and no String need be built to find it.
struct RawString {
    /// The bytes between the quotes (offsets into the field's buffer).
    let content: Range<Int>
    let escaped: Bool

    /// The decoded text's UTF-8 bytes, handed to `body`.
    func withBytes<R>(in buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard escaped else { return try body(UnsafeBufferPointer(rebasing: buffer[content])) }
        var text = string(in: buffer)
        return try text.withUTF8(body)
    }

    /// The decoded text (what `ObjectWalker.string()` returns for the value).
    func string(in buffer: UnsafeBufferPointer<UInt8>) -> String {
        guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: buffer[content]), as: UTF8.self) }
        var again = JSONScanner(buffer, from: content.lowerBound - 1)
        // The walker scanned this string already: decoding it again cannot fail.
        return ((try? again.scanString(decode: true)) ?? nil) ?? ""
    }
}

/// The member names the report reads, recognised from their raw bytes.
enum MemberKey {
    case type, text, norm, start, end, role, title, kind, unit, value, max, approx, other

    static func of(_ raw: UnsafeBufferPointer<UInt8>) -> MemberKey {
        func equals(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount == raw.count && memcmp(word.utf8Start, raw.baseAddress!, raw.count) == 0
        }
        guard raw.count >= 3 && raw.count <= 6 else { return .other }
        switch raw[0] {
        case UInt8(ascii: "t"): return equals("type") ? .type : equals("text") ? .text : equals("title") ? .title : .other
        case UInt8(ascii: "n"): return equals("norm") ? .norm : .other
        case UInt8(ascii: "s"): return equals("start") ? .start : .other
        case UInt8(ascii: "e"): return equals("end") ? .end : .other
        case UInt8(ascii: "r"): return equals("role") ? .role : .other
        case UInt8(ascii: "k"): return equals("kind") ? .kind : .other
        case UInt8(ascii: "u"): return equals("unit") ? .unit : .other
        case UInt8(ascii: "v"): return equals("value") ? .value : .other
        case UInt8(ascii: "m"): return equals("max") ? .max : .other
        case UInt8(ascii: "a"): return equals("approx") ? .approx : .other
        default: return .other
        }
    }
}

/// Walks an array of objects member by member (JSON already validated by
/// the record parser; structural surprises still raise `RecordError`).
///
/// The walker moves over the bytes itself (white space, commas, brackets,
/// plain keys) and hands values to `JSONScanner`, so the hot loop makes no
/// call for a byte it can read in place.
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
        guard b == UInt8(ascii: "[") else { throw RecordError.wrongType(field: field, expected: expected, found: Self.typeName(b)) }
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
        guard c == UInt8(ascii: "{") else { throw invalid("\(item) is \(Self.typeName(c)), not an object") }
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
        // Keys are short and plain ASCII: find the closing quote here, and
        // leave anything else (escapes, other bytes, the end) to the scanner.
        var close = start
        while close < buffer.count, buffer[close] >= 0x20, buffer[close] < 0x80,
              buffer[close] != UInt8(ascii: "\""), buffer[close] != UInt8(ascii: "\\") { close += 1 }
        if close < buffer.count, buffer[close] == UInt8(ascii: "\"") {
            position = close + 1
        } else {
            try scanning { s throws(JSONSyntaxError) in _ = try s.scanString(decode: false) }
        }
        let key = MemberKey.of(UnsafeBufferPointer(rebasing: buffer[start..<(position - 1)]))
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
        try scanning { s throws(JSONSyntaxError) in try s.skipValue(depth: 2) }
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
        // Plain text: find the closing quote here; escapes and control
        // bytes go to the scanner (which checks them as it skips).
        var close = start
        while close < buffer.count, buffer[close] != UInt8(ascii: "\""), buffer[close] != UInt8(ascii: "\\"), buffer[close] >= 0x20 { close += 1 }
        if close < buffer.count, buffer[close] == UInt8(ascii: "\"") {
            position = close + 1
            return RawString(content: start..<close, escaped: false)
        }
        try skip()
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

    static func typeName(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }
}

/// The entities and numbers of the record being added, kept between records
/// so that their arrays are allocated once, not per record.
struct ScannedFields {
    var entities: [FieldScanner.Entity] = []
    var numbers: [FieldScanner.Number] = []
}
