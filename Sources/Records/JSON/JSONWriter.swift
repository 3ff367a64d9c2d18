/// Builds compact JSON text into a byte buffer.
///
/// Strings are escaped minimally (quote, backslash, control characters) and
/// otherwise written as UTF-8, so output is deterministic and readable. The
/// writer tracks whether a comma is due, so callers write members and items
/// without bookkeeping.
public struct JSONWriter {
    public var bytes: [UInt8]
    var needsComma = false

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes a separator if an item came before (call before each array item).
    public mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() { bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// Writes `"key":` (with a comma before it when needed).
    public mutating func key(_ key: String) {
        comma()
        appendStringLiteral(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A member name quoted once, as `"name":`.
    ///
    /// Why: writers of many small objects (an entity has eight members, a
    /// paragraph dozens of entities) would otherwise scan and escape the same
    /// names again for every object; a `Key` is copied in whole.
    public struct Key: Sendable {
        let quoted: [UInt8]

        public init(_ name: String) {
            var w = JSONWriter(capacity: name.utf8.count + 3)
            w.key(name)
            quoted = w.bytes
        }
    }

    /// Writes a quoted member name (with a comma before it when needed).
    public mutating func key(_ key: Key) {
        comma()
        bytes.append(contentsOf: key.quoted)
        needsComma = false
    }

    public mutating func appendNull() {
        ("null" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }
    public mutating func append(_ value: Bool) {
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    /// Writes the integer's decimal digits straight into the buffer: the
    /// text of `String(value)`, without making the string (records carry
    /// many offsets and counts).
    public mutating func append(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while true {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            if divisor == 1 { break }
            divisor /= 10
        }
        needsComma = true
    }
    public mutating func append(_ value: DecimalValue) { value.appendLiteral(to: &bytes); needsComma = true }
    public mutating func append(_ value: String) { appendStringLiteral(value); needsComma = true }
    public mutating func append(_ value: JSONValue) { value.write(to: &self); needsComma = true }

    /// Appends bytes that are already valid JSON (a pass-through value).
    public mutating func appendRaw(_ json: some Sequence<UInt8>) { bytes.append(contentsOf: json); needsComma = true }

    // Convenience for object members.
    public mutating func member(_ name: String, _ value: String) { key(name); append(value) }
    public mutating func member(_ name: String, _ value: Int) { key(name); append(value) }
    public mutating func member(_ name: String, _ value: Bool) { key(name); append(value) }
    public mutating func member(_ name: String, _ value: DecimalValue) { key(name); append(value) }
    public mutating func member(_ name: String, _ value: JSONValue) { key(name); append(value) }
    public mutating func member(_ name: Key, _ value: String) { key(name); append(value) }
    public mutating func member(_ name: Key, _ value: Int) { key(name); append(value) }
    public mutating func member(_ name: Key, _ value: Bool) { key(name); append(value) }
    public mutating func member(_ name: Key, _ value: DecimalValue) { key(name); append(value) }

    /// Writes a string literal with escapes.
    
    public mutating func appendStringLiteral(_ value: String) {
        var value = value
        value.withUTF8 { appendStringLiteral(utf8: $0) }
    }

    
    public mutating func appendStringLiteral(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: they are copied in whole, not run by run.
        guard let firstEscape = utf8.firstIndex(where: Self.needsEscape) else {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var i = firstEscape
        while i < utf8.count {
            let b = utf8[i]
            if !Self.needsEscape(b) { i += 1; continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            Self.appendEscape(b, to: &bytes)
            i += 1
            runStart = i
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a string literal from UTF-32 values (invalid values become
    /// U+FFFD), encoding them on the stack rather than making a String.
    public mutating func appendStringLiteral(scalarValues values: UnsafeBufferPointer<UInt32>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: values.count * 4) { utf8 in
            let count = UTF8Scalars.encode(values, into: utf8)
            appendStringLiteral(utf8: UnsafeBufferPointer(rebasing: utf8[..<count]))
        }
        needsComma = true
    }

    /// Whether a byte must be escaped in a JSON string (quote, backslash, control characters).
    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }

    /// A JSON array of string literals, item `k` being `utf8[bounds(k)]`,
    /// built in one allocation (the segment stage writes one per token).
    ///
    /// Why not `appendStringLiteral` per item: a text of short tokens spends
    /// more time growing and checking the array than copying bytes; here the
    /// exact size is known after one scan for characters that need escaping.
    public static func stringArray(
        count: Int, slicing utf8: UnsafeBufferPointer<UInt8>, bounds: (Int) -> (start: Int, end: Int)
    ) -> [UInt8] {
        var escapes = 0
        for b in utf8 where needsEscape(b) { escapes += 1 }
        let capacity = 2 + utf8.count + 3 * count + 5 * escapes
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            var w = 0
            @inline(__always) func put(_ b: UInt8) { out[w] = b; w += 1 }
            put(UInt8(ascii: "["))
            for k in 0..<count {
                if k > 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "\""))
                let (start, end) = bounds(k)
                if escapes == 0, let from = utf8.baseAddress, let to = out.baseAddress {
                    // Nothing to escape: copy the token's bytes whole.
                    (to + w).update(from: from + start, count: end - start)
                    w += end - start
                    put(UInt8(ascii: "\""))
                    continue
                }
                for i in start..<end {
                    let b = utf8[i]
                    if !needsEscape(b) {
                        put(b)
                    } else {
                        var escaped: [UInt8] = []
                        appendEscape(b, to: &escaped)
                        for e in escaped { put(e) }
                    }
                }
                put(UInt8(ascii: "\""))
            }
            put(UInt8(ascii: "]"))
            written = w
        }
    }

    /// A JSON array of raw items (each already valid JSON), in one allocation.
    public static func rawArray(count: Int, item: (Int) -> UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var capacity = 2 + max(0, count - 1)
        for k in 0..<count { capacity += item(k).count }
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            var w = 0
            out[w] = UInt8(ascii: "["); w += 1
            for k in 0..<count {
                if k > 0 { out[w] = UInt8(ascii: ","); w += 1 }
                let bytes = item(k)
                if let base = bytes.baseAddress { (out.baseAddress! + w).update(from: base, count: bytes.count) }
                w += bytes.count
            }
            out[w] = UInt8(ascii: "]"); w += 1
            written = w
        }
    }

    /// The escape JSON text needs for `b` (a quote, a backslash or a control
    /// character; see `needsEscape`): what every writer of string literals uses.
    public static func escape(_ b: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        appendEscape(b, to: &out)
        return out
    }

    static func appendEscape(_ b: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}
