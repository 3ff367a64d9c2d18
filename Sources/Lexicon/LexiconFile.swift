import Records

/// A problem in a lexicon file, with its line, worded for the person who
/// edits the file.
public struct LexiconError: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}

/// One data row of a lexicon file: its 1-based line number and its
/// tab-separated fields.
public struct LexiconRow: Sendable {
    public let line: Int
    public let fields: [String]

    /// Field `i`, or nil when the row is shorter.
    public subscript(i: Int) -> String? { i < fields.count ? fields[i] : nil }
}

/// Reads the plain-text lexicon format every file in `lexicons/` uses.
///
/// UTF-8 (a BOM is tolerated), `\n` or `\r\n` line ends, lines starting with
/// `#` are comments (each file opens with a comment saying where its data came
/// from and how to regenerate it), blank lines are skipped, fields are
/// separated by tabs (so entries may contain spaces).
public enum LexiconFile {
    /// Calls `body` for each data row, in file order.
    public static func forEachRow(path: String, _ body: (LexiconRow) throws -> Void) throws {
        let bytes: [UInt8]
        do {
            bytes = try InputSource(path).readAll()
        } catch {
            throw LexiconError(file: path, line: nil, problem: error.problem)
        }
        try forEachRow(bytes: bytes, name: path, body)
    }

    /// The same over bytes already in memory.
    public static func forEachRow(bytes: [UInt8], name: String, _ body: (LexiconRow) throws -> Void) throws {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = bytes[start..<contentEnd]
            start = end + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            // Split at the tab bytes, then check each field: a tab (ASCII) never lies inside a
            // character, so the fields are those of the line's text, and the line is valid UTF-8
            // exactly when every field is. (Splitting the String by Character walked grapheme
            // clusters, most of the start-up's reading time.)
            var fields: [String] = []
            let valid = bytes.withUnsafeBufferPointer { all in
                var fieldStart = line.startIndex
                for k in line.startIndex...line.endIndex where k == line.endIndex || all[k] == 0x09 {
                    guard let field = String(validating: UnsafeBufferPointer(rebasing: all[fieldStart..<k]), as: UTF8.self) else { return false }
                    fields.append(field)
                    fieldStart = k + 1
                }
                return true
            }
            guard valid else {
                throw LexiconError(file: name, line: lineNumber, problem: "not valid UTF-8")
            }
            try body(LexiconRow(line: lineNumber, fields: fields))
        }
    }

    /// All data rows of a file.
    public static func rows(path: String) throws -> [LexiconRow] {
        var rows: [LexiconRow] = []
        try forEachRow(path: path) { rows.append($0) }
        return rows
    }
}
