import Lexicon
import Records

/// Reads a lexicon file (the `lexicons/` TSV format) row by row as bytes,
/// without making a `String` per field.
///
/// The repair stage loads a few hundred thousand rows at start-up (words,
/// character pairs, readings); `LexiconFile.forEachRow` makes strings, which
/// costs most of a second. This reader hands each row's fields over as byte
/// ranges and decodes only what the caller asks for, with the same rules:
/// `#` comment lines and blank lines skipped, tabs between fields, `\r\n`
/// tolerated, invalid UTF-8 reported with the file and line.
struct TSVBytes {
    /// One data row: its line number and the byte ranges of its fields.
    struct Row {
        let line: Int
        let bytes: UnsafeBufferPointer<UInt8>
        let fields: [Range<Int>]
        let file: String

        var count: Int { fields.count }

        /// The scalar values of field `i` (appended to `out`, which is emptied first).
        func scalars(_ i: Int, into out: inout [UInt32]) throws {
            out.removeAll(keepingCapacity: true)
            guard i < fields.count else { return }
            guard UTF8Scalars.decode(validating: UnsafeBufferPointer(rebasing: bytes[fields[i]]), into: &out) else {
                throw LexiconError(file: file, line: line, problem: "not valid UTF-8")
            }
        }

        /// Field `i` as a non-negative decimal integer, or nil.
        func integer(_ i: Int) -> Int? {
            guard i < fields.count, !fields[i].isEmpty, fields[i].count <= 18 else { return nil }
            var value = 0
            for k in fields[i] {
                let d = Int(bytes[k]) - 0x30
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }

        /// Field `i` as a string (for the rare fields that need one).
        func string(_ i: Int) throws -> String {
            guard i < fields.count else { return "" }
            guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[fields[i]]), as: UTF8.self) else {
                throw LexiconError(file: file, line: line, problem: "not valid UTF-8")
            }
            return s
        }
    }

    /// Calls `body` for every data row of the file at `path`, in order.
    static func forEachRow(path: String, _ body: (Row) throws -> Void) throws {
        let data: [UInt8]
        do {
            data = try InputSource(path).readAll()
        } catch {
            throw LexiconError(file: path, line: nil, problem: error.problem)
        }
        try data.withUnsafeBufferPointer { all in
            var start = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var lineNumber = 0
            var fields: [Range<Int>] = []
            let n = all.count
            while start < n {
                lineNumber += 1
                var end = start
                while end < n && all[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start && all[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                defer { start = end + 1 }
                guard contentEnd > start, all[start] != UInt8(ascii: "#") else { continue }
                var blank = true
                for k in start..<contentEnd where all[k] != 0x20 && all[k] != 0x09 { blank = false; break }
                if blank { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                for k in start..<contentEnd where all[k] == 0x09 {
                    fields.append(fieldStart..<k)
                    fieldStart = k + 1
                }
                fields.append(fieldStart..<contentEnd)
                try body(Row(line: lineNumber, bytes: all, fields: fields, file: path))
            }
        }
    }
}
