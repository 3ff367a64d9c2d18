import Records

/// Counts the kinds in a `repairs` or `flags` array straight from the
/// record's bytes: each item is a string (the kind) or an object with a
/// "kind" member; everything else is skipped, not decoded.
///
/// Repairs can be hundreds per paragraph (one per pinyin annotation), so
/// kinds are tallied per record (one table update per distinct kind) and a
/// kind equal to the previous one is not decoded again.
enum KindScanner {
    /// Each distinct kind in the array with how often it occurs, in order of
    /// first occurrence ("unknown" for items without one).
    static func kinds(in json: ArraySlice<UInt8>, field: String) throws -> [(kind: String, count: Int)] {
        try json.withUnsafeBufferPointer { buffer in
            var w = ObjectWalker(buffer, field: field)
            var tally: [(kind: String, count: Int)] = []
            var last: (raw: Range<Int>, index: Int)?
            func add(_ raw: Range<Int>?, _ decode: () throws -> String) throws {
                if let raw, let l = last, l.raw.count == raw.count,
                   memcmp(buffer.baseAddress! + l.raw.lowerBound, buffer.baseAddress! + raw.lowerBound, raw.count) == 0 {
                    tally[l.index].count += 1
                    return
                }
                let kind = try decode()
                let index = tally.firstIndex { $0.kind == kind } ?? { tally.append((kind, 0)); return tally.count - 1 }()
                tally[index].count += 1
                if let raw { last = (raw, index) }
            }
            guard try w.beginArray(expected: "an array") else { return tally }
            while true {
                w.skipWhitespace()
                if w.peek() == UInt8(ascii: ",") { _ = try w.nextSeparator() }
                guard let b = w.peek() else { throw w.invalid("unexpected end of the array") }
                if b == UInt8(ascii: "]") { break }
                if b == UInt8(ascii: "\"") {
                    let raw = try w.rawString()
                    try add(raw) { try w.decodeString(raw) }
                } else if b == UInt8(ascii: "{") {
                    _ = try w.nextObject(item: "an item")
                    var seen = false
                    while let key = try w.nextKey() {
                        if key == .kind && !seen && w.peek() == UInt8(ascii: "\"") {
                            seen = true
                            let raw = try w.rawString()
                            try add(raw) { try w.decodeString(raw) }
                        } else {
                            try w.skip()
                        }
                    }
                    if !seen { try add(nil) { "unknown" } }
                } else {
                    try w.skip()
                    try add(nil) { "unknown" }
                }
            }
            return tally
        }
    }
}

extension ObjectWalker {
    /// Skips a string value, returning its bytes' range (quotes included).
    mutating func rawString() throws -> Range<Int> {
        let start = position
        try skip()
        return start..<position
    }

    /// The value of a string whose range `rawString` returned.
    func decodeString(_ raw: Range<Int>) throws -> String {
        let content = UnsafeBufferPointer(rebasing: buffer[(raw.lowerBound + 1)..<(raw.upperBound - 1)])
        if !content.contains(UInt8(ascii: "\\")) { return String(decoding: content, as: UTF8.self) }
        var again = JSONScanner(buffer, from: raw.lowerBound)
        do { return try again.scanString(decode: true) ?? "" } catch { throw invalid(error.message) }
    }

    /// Consumes a ',' between items.
    mutating func nextSeparator() throws -> Bool {
        try scanning { s throws(JSONSyntaxError) in try s.expect(UInt8(ascii: ","), "','") }
        return true
    }
}
