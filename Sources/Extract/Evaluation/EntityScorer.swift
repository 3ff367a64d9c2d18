import Records

/// Scores entity spans against gold: exact span and type, micro-averaged and
/// per type precision, recall and F1 (the CoNLL / SIGHAN convention).
public struct EntityScorer: Sendable {
    /// A typed span [start, end) in code points.
    public struct Span: Hashable, Sendable, Comparable {
        public var type: String
        public var start: Int
        public var end: Int
        public init(type: String, start: Int, end: Int) { self.type = type; self.start = start; self.end = end }
        public static func < (a: Span, b: Span) -> Bool { (a.start, a.end, a.type) < (b.start, b.end, b.type) }
    }

    /// Counts for one type (or all).
    public struct Counts: Sendable, Equatable {
        public init() {}
        public var gold = 0
        public var predicted = 0
        public var correct = 0
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public let types: [String]
    public private(set) var byType: [String: Counts] = [:]
    public private(set) var total = Counts()
    public private(set) var sentences = 0

    public init(types: [String] = ["PER", "LOC", "ORG"]) {
        self.types = types
        for t in types { byType[t] = Counts() }
    }

    /// Adds one sentence; returns the spans missed and the spurious ones.
    @discardableResult
    public mutating func add(gold: [Span], predicted: [Span]) -> (missed: [Span], spurious: [Span]) {
        sentences += 1
        let g = Set(gold.filter { types.contains($0.type) })
        let p = Set(predicted.filter { types.contains($0.type) })
        for s in g { byType[s.type, default: Counts()].gold += 1; total.gold += 1 }
        for s in p { byType[s.type, default: Counts()].predicted += 1; total.predicted += 1 }
        for s in g.intersection(p) { byType[s.type, default: Counts()].correct += 1; total.correct += 1 }
        return (g.subtracting(p).sorted(), p.subtracting(g).sorted())
    }

    /// A table: one line per type, then the micro average.
    public func table(title: String) -> String {
        func line(_ name: String, _ c: Counts) -> String {
            "  \(pad(name, 6)) P \(fmt(c.precision))  R \(fmt(c.recall))  F1 \(fmt(c.f1))   (gold \(c.gold), predicted \(c.predicted), correct \(c.correct))"
        }
        var out = "\(title): \(sentences) sentences\n"
        for t in types { out += line(t, byType[t] ?? Counts()) + "\n" }
        out += line("micro", total) + "\n"
        return out
    }
}

func fmt(_ x: Double) -> String {
    let scaled = Int((x * 10000).rounded())
    let whole = scaled / 10000
    let frac = String(scaled % 10000)
    return "\(whole)." + String(repeating: "0", count: 4 - frac.count) + frac
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

/// Reads character-level BIO files (one character and its tag a line, a blank
/// line between sentences): the MSRA / People's Daily NER layout.
public enum BIOReader {
    /// One gold sentence: its text and its typed spans.
    public struct Sentence: Sendable {
        public var text: String
        public var spans: [EntityScorer.Span]
    }

    /// Parses the whole file; errors name the line.
    public static func read(bytes: [UInt8], name: String) throws -> [Sentence] {
        var sentences: [Sentence] = []
        var chars: [Unicode.Scalar] = []
        var spans: [EntityScorer.Span] = []
        var open: (type: String, start: Int)?
        func close(at end: Int) {
            if let o = open { spans.append(.init(type: o.type, start: o.start, end: end)) }
            open = nil
        }
        func flush() {
            close(at: chars.count)
            if !chars.isEmpty {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: chars)
                sentences.append(Sentence(text: String(view), spans: spans))
            }
            chars = []
            spans = []
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingSpaces.isEmpty { flush(); continue }
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard parts.count >= 2, parts[0].unicodeScalars.count == 1 else {
                throw EvaluationError("\(name):\(lineNumber): expected one character, a tab and a BIO tag, found \"\(line)\"")
            }
            let tag = String(parts[parts.count - 1])
            let position = chars.count
            chars.append(parts[0].unicodeScalars.first!)
            if tag == "O" { close(at: position); continue }
            guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-") || tag.hasPrefix("M-") || tag.hasPrefix("E-") || tag.hasPrefix("S-") else {
                throw EvaluationError("\(name):\(lineNumber): unknown tag \"\(tag)\" (expected O, B-X or I-X)")
            }
            let type = String(tag.dropFirst(2))
            if tag.hasPrefix("B-") || tag.hasPrefix("S-") || open?.type != type {
                close(at: position)
                open = (type, position)
            }
            if tag.hasPrefix("E-") || tag.hasPrefix("S-") { close(at: position + 1) }
        }
        flush()
        return sentences
    }
}

/// A problem with an evaluation file or run.
public struct EvaluationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
