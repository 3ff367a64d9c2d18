/// One JSON-lines record: one paragraph of a document and what the stages
/// have found in it.
///
/// Fields are kept as the raw bytes they were read with, in their order, so a
/// stage passes fields it does not own (`url`, `source`, or anything a user
/// attached) through byte for byte without decoding them. A stage decodes only
/// what it reads, and replaces only what it owns: setting a field that exists
/// overwrites it in place, so running a stage twice gives the same bytes.
public struct Record: Sendable {
    /// A member of the record: its key and its value's JSON text.
    public struct Field: Sendable {
        public let key: String
        /// The key as it was written, quotes included.
        let rawKey: ArraySlice<UInt8>
        /// The value's JSON text, exactly as read or written.
        public internal(set) var json: ArraySlice<UInt8>

        /// Whether the field's key is `name`.
        @inline(__always) func isNamed(_ name: String) -> Bool { Record.sameKey(key, name) }
    }

    /// Whether two keys are equal, their lengths compared first: `String.==`
    /// calls into the runtime for every pair of different strings, and a
    /// record's fields are looked up by key for each field a stage reads or
    /// sets (most keys differ in length).
    @inline(__always) static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    public private(set) var fields: [Field]
    /// The line the record was parsed from (its storage's indices).
    private var line: ArraySlice<UInt8> = []
    /// How many of the first fields are still as the line has them, one after
    /// another with nothing between them: `write` copies those in one piece
    /// (most of a record passes through a stage untouched).
    private var verbatimFields = 0
    /// How many fields a record through the whole pipe usually has (doc, para, text,
    /// repair's, segment's and extract's fields).
    static let usualFieldCount = 12

    /// An empty record.
    public init() { fields = [] }

    /// Parses one line (a JSON object) held in `storage[range]`. Field values
    /// share `storage`, so parsing copies nothing.
    public init(parsing storage: [UInt8], range: Range<Int>) throws(JSONSyntaxError) {
        var fields: [Field] = []
        var verbatimFields = 0
        var braceOffset = 0
        // Room for a record's usual fields and the ones the stages add, so the array grows once.
        fields.reserveCapacity(Self.usualFieldCount)
        let result: Result<Void, JSONSyntaxError> = storage.withUnsafeBufferPointer { whole in
            let line = UnsafeBufferPointer(rebasing: whole[range])
            return Result { () throws(JSONSyntaxError) in
                var scanner = JSONScanner(line)
                scanner.skipWhitespace()
                guard let first = scanner.peek() else { throw JSONSyntaxError(offset: 0, message: "empty line") }
                guard first == UInt8(ascii: "{") else {
                    // Say what it is instead, when it is some other JSON value.
                    var probe = scanner
                    if (try? probe.skipValue()) != nil {
                        probe.skipWhitespace()
                        if probe.isAtEnd {
                            throw JSONSyntaxError(offset: scanner.offset, message: "the line is JSON but not an object (a record must be {...})")
                        }
                    }
                    throw JSONSyntaxError(offset: scanner.offset, message: "expected '{' to start a record, found \(JSONScanner.describe(first))")
                }
                braceOffset = scanner.offset
                try scanner.expect(UInt8(ascii: "{"), "'{'")
                // Where the next field starts when nothing but its separator comes before it.
                var compactStart: Int? = scanner.offset
                scanner.skipWhitespace()
                if scanner.peek() == UInt8(ascii: "}") {
                    try scanner.expect(UInt8(ascii: "}"), "'}'")
                } else {
                    while true {
                        scanner.skipWhitespace()
                        guard scanner.peek() == UInt8(ascii: "\"") else {
                            throw JSONSyntaxError(offset: scanner.offset, message: scanner.isAtEnd ? "unexpected end of line inside the record" : "expected a quoted key, found \(JSONScanner.describe(scanner.peek()!))")
                        }
                        let keyStart = scanner.offset
                        let key = try scanner.scanString(decode: true)!
                        let keyEnd = scanner.offset
                        scanner.skipWhitespace()
                        try scanner.expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
                        scanner.skipWhitespace()
                        let valueStart = scanner.offset
                        try scanner.skipValue(depth: 1)
                        let valueEnd = scanner.offset
                        if keyStart == compactStart, valueStart == keyEnd + 1 {
                            verbatimFields += 1
                            compactStart = valueEnd + 1
                        } else {
                            compactStart = nil
                        }
                        let base = range.lowerBound
                        fields.append(Field(
                            key: key,
                            rawKey: storage[(base + keyStart)..<(base + keyEnd)],
                            json: storage[(base + valueStart)..<(base + valueEnd)]
                        ))
                        scanner.skipWhitespace()
                        guard let next = scanner.peek() else { throw JSONSyntaxError(offset: scanner.offset, message: "unexpected end of line inside the record (missing '}')") }
                        try scanner.expect(next == UInt8(ascii: "}") ? UInt8(ascii: "}") : UInt8(ascii: ","), "',' or '}' after the value of \"\(key)\"")
                        if next == UInt8(ascii: "}") { break }
                    }
                }
                scanner.skipWhitespace()
                guard scanner.isAtEnd else {
                    throw JSONSyntaxError(offset: scanner.offset, message: "unexpected characters after the record's closing '}'")
                }
            }
        }
        try result.get()
        self.fields = fields
        self.verbatimFields = verbatimFields
        self.line = storage[(range.lowerBound + braceOffset)..<range.upperBound]
    }

    /// Parses a record from a whole line of text (for tests and tools).
    public init(parsing line: String) throws(JSONSyntaxError) {
        let bytes = Array(line.utf8)
        try self.init(parsing: bytes, range: 0..<bytes.count)
    }

    // MARK: Reading fields

    /// The raw JSON text of a field, if present.
    public subscript(key: String) -> ArraySlice<UInt8>? {
        fields.first { $0.isNamed(key) }?.json
    }

    public func has(_ key: String) -> Bool { fields.contains { $0.isNamed(key) } }

    /// Field names in order.
    public var keys: [String] { fields.map(\.key) }

    /// A field decoded as a `JSONValue`; nil if absent.
    public func value(_ key: String) throws(RecordError) -> JSONValue? {
        guard let json = self[key] else { return nil }
        do {
            return try JSONValue(parsing: json)
        } catch {
            throw RecordError.invalidField(key, error.message)
        }
    }

    /// A required string field.
    public func string(_ key: String) throws(RecordError) -> String {
        guard let json = self[key] else { throw RecordError.missingField(key) }
        guard json.first == UInt8(ascii: "\"") else { throw RecordError.wrongType(field: key, expected: "a string", found: Self.typeName(json)) }
        let result: String?? = json.withContiguousStorageIfAvailable { buffer in
            var scanner = JSONScanner(buffer)
            return try? scanner.scanString(decode: true)
        }
        guard let decoded = result ?? nil else { throw RecordError.invalidField(key, "not a valid string") }
        return decoded
    }

    /// A required string field's UTF-8 bytes, without making a String when
    /// its JSON holds no escape (the bytes between the quotes are the text:
    /// the scanner checked they are valid UTF-8 when the record was parsed).
    /// Why: a stage that only slices the text (segment) spends more time
    /// building the String than using it.
    public func withStringBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        guard let json = self[key] else { throw RecordError.missingField(key) }
        guard json.first == UInt8(ascii: "\""), json.count >= 2, json.last == UInt8(ascii: "\"") else {
            throw RecordError.wrongType(field: key, expected: "a string", found: Self.typeName(json))
        }
        let plain: Bool = json.withUnsafeBufferPointer { quoted in
            // memchr: the test runs over the whole text, byte by byte otherwise.
            memchr(quoted.baseAddress!, Int32(UInt8(ascii: "\\")), quoted.count) == nil
        }
        if plain {
            return try json.withUnsafeBufferPointer { quoted in
                try body(UnsafeBufferPointer(rebasing: quoted[1..<(quoted.count - 1)]))
            }
        }
        var text = try string(key)
        return try text.withUTF8(body)
    }

    /// An optional string field: nil when absent or null.
    public func optionalString(_ key: String) throws(RecordError) -> String? {
        guard let json = self[key], json.first != UInt8(ascii: "n") else { return nil }
        return try string(key)
    }

    /// An optional integer field: nil when absent or not an integer. A plain
    /// literal is read straight from its bytes (`IntegerLiteral`): stages read
    /// every record's `para`, and a `JSONValue` for it costs more than the rest.
    public func optionalInt(_ key: String) -> Int? {
        guard let json = self[key] else { return nil }
        if let n = json.withUnsafeBufferPointer(IntegerLiteral.value) { return n }
        return (try? JSONValue(parsing: json))?.int
    }

    /// A required integer field.
    public func int(_ key: String) throws(RecordError) -> Int {
        guard let value = try value(key) else { throw RecordError.missingField(key) }
        guard let n = value.int else { throw RecordError.wrongType(field: key, expected: "an integer", found: value.typeName) }
        return n
    }

    /// A required array-of-strings field (the shape of `tokens`).
    public func stringArray(_ key: String) throws(RecordError) -> [String] {
        guard let json = self[key] else { throw RecordError.missingField(key) }
        guard json.first == UInt8(ascii: "[") else { throw RecordError.wrongType(field: key, expected: "an array of strings", found: Self.typeName(json)) }
        let result: Result<[String], JSONSyntaxError>? = json.withContiguousStorageIfAvailable { buffer in
            var scanner = JSONScanner(buffer)
            return Result { () throws(JSONSyntaxError) -> [String] in try scanner.parseStringArray() }
        }
        switch result {
        case .success(let items)?: return items
        default: throw RecordError.wrongType(field: key, expected: "an array of strings", found: "an array holding something else")
        }
    }

    static func typeName(_ json: ArraySlice<UInt8>) -> String { typeName(startingWith: json.first) }

    /// What kind of JSON value starts with `b`, worded for an error message
    /// ("a string", "an array", ...). Readers of fields in other modules say
    /// it the same way.
    public static func typeName(startingWith b: UInt8?) -> String {
        switch b {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    // MARK: Writing fields

    /// Sets a field to JSON text the caller vouches for (as a `JSONWriter`
    /// produces). An existing field is replaced in place; a new one goes last.
    public mutating func set(_ key: String, json: [UInt8]) {
        set(key, json: json[...])
    }

    public mutating func set(_ key: String, json: ArraySlice<UInt8>) {
        if let i = fields.firstIndex(where: { $0.isNamed(key) }) {
            fields[i].json = json
            verbatimFields = min(verbatimFields, i)
        } else {
            fields.append(Field(key: key, rawKey: Self.quotedKey(key), json: json))
        }
    }

    public mutating func set(_ key: String, _ value: JSONValue) {
        var writer = JSONWriter()
        value.write(to: &writer)
        set(key, json: writer.bytes)
    }

    public mutating func set(_ key: String, _ value: String) { set(key, .string(value)) }
    public mutating func set(_ key: String, _ value: Int) { set(key, .number(DecimalValue(value))) }

    /// Sets a field by writing its value with a `JSONWriter`.
    public mutating func set(_ key: String, writing body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter()
        body(&writer)
        set(key, json: writer.bytes)
    }

    /// The fields the stages add (../shared/DESIGN.md), quoted once for all
    /// records rather than once per record.
    private static let stageKeys: [(key: String, quoted: ArraySlice<UInt8>)] =
        ["sentences", "tokens", "token_kinds", "entities", "numbers", "flags", "repairs", "furniture"].map { key in
            var writer = JSONWriter(capacity: key.utf8.count + 2)
            writer.appendStringLiteral(key)
            return (key, writer.bytes[...])
        }

    static func quotedKey(_ key: String) -> ArraySlice<UInt8> {
        for known in stageKeys where sameKey(known.key, key) { return known.quoted }
        var writer = JSONWriter(capacity: key.utf8.count + 2)
        writer.appendStringLiteral(key)
        return writer.bytes[...]
    }

    public mutating func remove(_ key: String) {
        if let i = fields.firstIndex(where: { $0.isNamed(key) }) { verbatimFields = min(verbatimFields, i) }
        fields.removeAll { $0.isNamed(key) }
    }

    // MARK: Output

    /// Appends the record as one line of JSON, `\n`-terminated.
    public func write(to out: inout [UInt8]) {
        if verbatimFields > 0 {
            // "{" and the first fields as read: the same bytes the loop below would write.
            out.append(contentsOf: line[line.startIndex..<fields[verbatimFields - 1].json.endIndex])
        } else {
            out.append(UInt8(ascii: "{"))
        }
        for i in verbatimFields..<fields.count {
            let field = fields[i]
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: field.rawKey)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: field.json)
        }
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
    }

    /// The record as one line of JSON text, without the newline.
    public var jsonLine: String {
        var out: [UInt8] = []
        write(to: &out)
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }
}

/// A record field is missing, of the wrong type, or malformed.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    case missingField(String)
    case wrongType(field: String, expected: String, found: String)
    case invalidField(String, String)

    public var description: String {
        switch self {
        case .missingField(let key): return "the record has no \"\(key)\" field"
        case .wrongType(let key, let expected, let found): return "field \"\(key)\" should be \(expected), found \(found)"
        case .invalidField(let key, let why): return "field \"\(key)\" is invalid: \(why)"
        }
    }
}
