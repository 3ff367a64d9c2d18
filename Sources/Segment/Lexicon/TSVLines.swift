/// Walks the rows of a lexicon TSV held as bytes, without making strings.
///
/// The same format `LexiconFile` reads (UTF-8, BOM tolerated, `\n` or `\r\n`,
/// `#` comment lines, blank lines skipped, TAB-separated fields), but fields
/// come back as byte ranges: the word lexicon has 350k rows and a process
/// should start in milliseconds, not spend them making 1M strings.
struct TSVLines {
    /// One data row: its 1-based line number and the byte ranges of its fields.
    struct Row {
        var line: Int
        var fields: [Range<Int>]
    }

    let bytes: [UInt8]

    /// Calls `body` for each data row, in order.
    func forEach(_ body: (Row) throws -> Void) rethrows {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var line = 0
        var row = Row(line: 0, fields: [])
        row.fields.reserveCapacity(4)
        try bytes.withUnsafeBufferPointer { b in
            let count = b.count
            while start < count {
                line += 1
                var end = start
                while end < count && b[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start && b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                defer { start = end + 1 }
                if contentEnd == start || b[start] == UInt8(ascii: "#") { continue }
                var blank = true
                for k in start..<contentEnd where b[k] != 0x20 && b[k] != 0x09 { blank = false; break }
                if blank { continue }
                row.line = line
                row.fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                for k in start..<contentEnd where b[k] == 0x09 {
                    row.fields.append(fieldStart..<k)
                    fieldStart = k + 1
                }
                row.fields.append(fieldStart..<contentEnd)
                try body(row)
            }
        }
    }

    /// The field's bytes as a string (for messages and tags).
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// A non-negative decimal integer field, or nil.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for k in range {
            let d = Int(bytes[k]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Decodes a UTF-8 field into scalars (appended to `out`); false when not valid UTF-8.
    func scalars(_ range: Range<Int>, into out: inout [UInt32]) -> Bool {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            let b0 = UInt32(bytes[k])
            if b0 < 0x80 { out.append(b0); k += 1; continue }
            let length: Int
            var value: UInt32
            if b0 & 0xE0 == 0xC0 { length = 2; value = b0 & 0x1F }
            else if b0 & 0xF0 == 0xE0 { length = 3; value = b0 & 0x0F }
            else if b0 & 0xF8 == 0xF0 { length = 4; value = b0 & 0x07 }
            else { return false }
            guard k + length <= end else { return false }
            for n in 1..<length {
                let b = UInt32(bytes[k + n])
                guard b & 0xC0 == 0x80 else { return false }
                value = (value << 6) | (b & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard value >= minimum, value <= 0x10FFFF, !(value >= 0xD800 && value <= 0xDFFF) else { return false }
            out.append(value)
            k += length
        }
        return true
    }
}
