import Records

/// Gold word segmentation read from a file: one entry per sentence (or
/// line), each the list of gold words.
///
/// Two formats: SIGHAN bakeoff files (one sentence a line, words separated by
/// white space; BOM and CRLF tolerated; a blank line is a sentence with no
/// words, so lines stay aligned with the raw file) and Universal Dependencies
/// CoNLL-U (words are the FORM column; multiword-token ranges such as `3-4`
/// and empty nodes such as `5.1` are skipped; `# text =` is the raw sentence).
public struct GoldSegmentation: Sendable {
    /// The file formats understood.
    public enum Format: String, Sendable, CaseIterable {
        case sighan, conllu

        /// CoNLL-U for `.conllu` files, SIGHAN otherwise.
        public static func guess(path: String) -> Format {
            path.lowercased().hasSuffix(".conllu") ? .conllu : .sighan
        }
    }

    /// One sentence: its gold words and the raw text to segment.
    public struct Sentence: Sendable, Equatable {
        public var words: [String]
        public var raw: String
    }

    public var sentences: [Sentence]

    public init(sentences: [Sentence]) { self.sentences = sentences }

    /// Reads `path` in `format`.
    public static func read(path: String, format: Format) throws -> GoldSegmentation {
        let text = try Self.text(path)
        switch format {
        case .sighan: return parseSIGHAN(text)
        case .conllu: return parseCoNLLU(text)
        }
    }

    static func text(_ path: String) throws -> String {
        var bytes = try InputSource(path).readAll()
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of a file without line ends (for raw files aligned with a SIGHAN gold file).
    public static func lines(path: String) throws -> [String] {
        splitLines(try text(path))
    }

    static func splitLines(_ text: String) -> [String] {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        // Split on scalars: "\r\n" is one Character, so a Character split would miss it.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            String(line.last == "\r" ? line.dropLast() : line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    public static func parseSIGHAN(_ text: String) -> GoldSegmentation {
        GoldSegmentation(sentences: splitLines(text).map { line in
            let words = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            return Sentence(words: words, raw: words.joined())
        })
    }

    public static func parseCoNLLU(_ text: String) -> GoldSegmentation {
        var sentences: [Sentence] = []
        var words: [String] = []
        var raw: String?
        func finish() {
            if !words.isEmpty { sentences.append(Sentence(words: words, raw: raw ?? words.joined())) }
            words = []
            raw = nil
        }
        for line in splitLines(text) {
            if line.isEmpty { finish(); continue }
            if line.hasPrefix("#") {
                if line.hasPrefix("# text = ") { raw = String(line.dropFirst("# text = ".count)) }
                continue
            }
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard columns.count >= 2 else { continue }
            let id = columns[0]
            if id.contains("-") || id.contains(".") { continue }
            words.append(String(columns[1]))
        }
        finish()
        return GoldSegmentation(sentences: sentences)
    }
}
