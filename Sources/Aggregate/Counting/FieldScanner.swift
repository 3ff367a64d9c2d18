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
                    case .start: e.start = try w.integer()
                    case .end: e.end = try w.integer()
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

/// The entities and numbers of the record being added, kept between records
/// so that their arrays are allocated once, not per record.
struct ScannedFields {
    var entities: [FieldScanner.Entity] = []
    var numbers: [FieldScanner.Number] = []
}
