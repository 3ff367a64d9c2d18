/// A parsed JSON value that keeps object members in their order and numbers
/// as the exact literal they were written with.
///
/// Stages parse only the fields they read (`tokens`, `entities`, ...); all
/// other fields stay as raw bytes in the `Record`. Numbers stay literals so a
/// value like 145000.5 never passes through a binary float.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(DecimalValue)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses exactly one JSON value (surrounding whitespace allowed).
    public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try Self.parseWhole(buffer) }
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try Self.parseWhole(buffer) }
        }
        self = try result.get()
    }

    /// Parses a JSON text given as a string.
    public init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Array(text.utf8))
    }

    static func parseWhole(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(buffer)
        scanner.skipWhitespace()
        let value = try scanner.parseValue()
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw JSONSyntaxError(offset: scanner.offset, message: "unexpected characters after the value") }
        return value
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var object: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var number: DecimalValue? { if case .number(let n) = self { return n } else { return nil } }
    public var int: Int? { number?.intValue }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var isNull: Bool { self == .null }

    /// Member of an object value, if this is one.
    public subscript(key: String) -> JSONValue? { object?[key] }

    /// The JSON type's name, for error messages ("a string", "an array").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Writes the value compactly (no spaces), strings escaped minimally.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.appendNull()
        case .bool(let b): writer.append(b)
        case .number(let n): writer.append(n)
        case .string(let s): writer.append(s)
        case .array(let items):
            writer.beginArray()
            for item in items {
                writer.comma()
                item.write(to: &writer)
            }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for member in object.members {
                writer.key(member.key)
                member.value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// The compact JSON text of the value.
    public var jsonText: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.string
    }
}

/// A JSON object whose members keep their order.
public struct JSONObject: Equatable, Sendable {
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONScanner {
    /// Parses one value into a `JSONValue`.
    public mutating func parseValue(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        guard let b = peek() else { throw fail("unexpected end of line, expected a value") }
        switch b {
        case UInt8(ascii: "\""):
            return .string(try scanString(decode: true)!)
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
            position += 1
            var object = JSONObject()
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { position += 1; return .object(object) }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try scanString(decode: true)!
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipWhitespace()
                object.members.append((key, try parseValue(depth: depth + 1)))
                skipWhitespace()
                guard let next = peek() else { throw fail("unexpected end of line inside an object") }
                position += 1
                if next == UInt8(ascii: "}") { return .object(object) }
                guard next == UInt8(ascii: ",") else { throw fail("expected ',' or '}' in an object, found \(Self.describe(next))", at: position - 1) }
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard let next = peek() else { throw fail("unexpected end of line inside an array") }
                position += 1
                if next == UInt8(ascii: "]") { return .array(items) }
                guard next == UInt8(ascii: ",") else { throw fail("expected ',' or ']' in an array, found \(Self.describe(next))", at: position - 1) }
            }
        case UInt8(ascii: "t"): try scanLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try scanLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try scanLiteral("null"); return .null
        default:
            let start = position
            try skipValue(depth: depth)  // numbers, and errors for anything else
            let literal = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
            return .number(DecimalValue(validatedJSONLiteral: literal))
        }
    }

    /// Parses an array of strings (the shape of `tokens`) without building
    /// intermediate `JSONValue`s.
    public mutating func parseStringArray() throws(JSONSyntaxError) -> [String] {
        try expect(UInt8(ascii: "["), "'['")
        var items: [String] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; return items }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string in the array") }
            items.append(try scanString(decode: true)!)
            skipWhitespace()
            guard let next = peek() else { throw fail("unexpected end of line inside an array") }
            position += 1
            if next == UInt8(ascii: "]") { return items }
            guard next == UInt8(ascii: ",") else { throw fail("expected ',' or ']' in an array", at: position - 1) }
        }
    }
}
