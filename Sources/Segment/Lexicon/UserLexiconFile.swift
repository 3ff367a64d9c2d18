import Lexicon

/// Reads a user lexicon given with `--lexicon FILE`.
///
/// The format is the lexicon TSV: one entry a line, `word [TAB frequency
/// [TAB tag]]`; `#` comment lines and blank lines are skipped; a UTF-8 BOM and
/// CRLF line ends are fine; a word may contain spaces (only tabs separate
/// fields). A bad line does not stop the reading: it comes back as a
/// `LexiconError` naming the file and line, so the user sees every problem
/// in one run.
public enum UserLexiconFile {
    /// Longest word accepted, in characters.
    public static let maximumWordLength = 64

    /// The entries and the rejected lines of the file at `path`.
    /// Throws only when the file cannot be read at all.
    public static func read(path: String) throws -> (entries: [SegmentLexicon.Entry], rejected: [LexiconError]) {
        parse(bytes: try SegmentLexicon.read(path), name: path)
    }

    /// The same over bytes in memory.
    public static func parse(bytes: [UInt8], name: String) -> (entries: [SegmentLexicon.Entry], rejected: [LexiconError]) {
        var entries: [SegmentLexicon.Entry] = []
        var rejected: [LexiconError] = []
        let file = TSVLines(bytes: bytes)
        file.forEach { row in
            func reject(_ problem: String) { rejected.append(LexiconError(file: name, line: row.line, problem: problem)) }
            var scalars: [UInt32] = []
            guard file.scalars(row.fields[0], into: &scalars) else { return reject("not valid UTF-8") }
            if row.fields.count > 3 { return reject("too many fields (\(row.fields.count)): expected word, optional frequency, optional tag, separated by tabs") }
            // Spaces around a word are a typing slip; spaces inside are part of it.
            while let first = scalars.first, first == 0x20 { scalars.removeFirst() }
            while let last = scalars.last, last == 0x20 { scalars.removeLast() }
            if scalars.isEmpty { return reject("the word (first field) is empty") }
            if scalars.count > maximumWordLength { return reject("the word is longer than \(maximumWordLength) characters") }
            if let bad = scalars.first(where: { $0 < 0x20 || $0 == 0x7F }) {
                return reject("the word contains a control character (U+\(String(bad, radix: 16, uppercase: true)))")
            }
            var frequency: Int?
            if row.fields.count > 1 {
                let text = file.string(row.fields[1]).trimmingSpaces
                if !text.isEmpty {
                    guard let value = Int(text), value > 0 else {
                        return reject("the frequency \"\(text)\" is not a whole number above 0")
                    }
                    frequency = value
                }
            }
            var tag: String?
            if row.fields.count > 2 {
                let text = file.string(row.fields[2]).trimmingSpaces
                if !text.isEmpty { tag = text }
            }
            var word = String.UnicodeScalarView()
            for v in scalars { word.append(Unicode.Scalar(v)!) }
            entries.append(SegmentLexicon.Entry(word: String(word), frequency: frequency, tag: tag))
        }
        return (entries, rejected)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
