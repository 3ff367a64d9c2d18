import Foundation
import Lexicon
import Records

/// Stage 3: entities and numbers.
///
/// Adds `entities` (people, places, organisations, dates, times) and
/// `numbers` (quantities with exact values and units) to each record, and a
/// `number-missing` flag where a classifier has lost its number. The record's
/// `text` is all it needs; it segments the text itself with the word list,
/// so it works on records from any segmenter (or none).
public struct ExtractStage: RecordStage {
    public let name = "extract"
    public let ownedFields = ["entities", "numbers"]
    public let lexicons: ExtractLexicons
    public let options: ExtractOptions

    public init(lexicons: ExtractLexicons, options: ExtractOptions = ExtractOptions()) {
        self.lexicons = lexicons
        self.options = options
    }

    /// Loads the lexicons from a folder.
    public init(directory: LexiconDirectory, options: ExtractOptions = ExtractOptions()) throws {
        try self.init(lexicons: ExtractLexicons(directory: directory), options: options)
    }

    public func makeProcessor() throws -> any RecordProcessor {
        ExtractProcessor(extractor: Extractor(lexicons: lexicons, options: options))
    }

    /// The year carried from paragraph to paragraph is state: the driver keeps
    /// each document's records on one processor, in order.
    public var keepsDocumentState: Bool { options.carryYear }
}

/// What the stage extracts (all on by default).
public struct ExtractOptions: Sendable {
    public var entities = true
    public var numbers = true
    /// Carry a year written in one paragraph to later paragraphs of the same document.
    public var carryYear = true
    public init() {}
}

/// Extracts from records on one thread.
final class ExtractProcessor: RecordProcessor {
    let extractor: Extractor
    var memory = DocumentMemory()
    /// The last paragraph's arrays, refilled by the next.
    var buffers = ExtractText.Buffers()

    init(extractor: Extractor) { self.extractor = extractor }

    func beginUnit() { memory = DocumentMemory() }

    func process(_ record: inout Record) throws {
        let doc = try? record.optionalString("doc")
        let para = record.optionalInt("para")
        var year = extractor.options.carryYear ? memory.year(doc: doc, para: para) : nil
        if let declared = (try? record.optionalString("date")) ?? nil { year = DocumentMemory.year(in: declared) ?? year }
        let result = try record.withStringBytes("text") { extractor.extract(utf8: $0, year: &year, reusing: &buffers) }
        if extractor.options.carryYear { memory.remember(doc: doc, para: para, year: year) }
        record.set("entities", json: MentionWriter.entities(result.entities, text: result.text))
        record.set("numbers", json: MentionWriter.numbers(result.numbers, text: result.text))
        try FlagMerger.merge(result.missing, text: result.text, into: &record)
        buffers = ExtractText.Buffers(recycling: result.text)
    }
}

/// The year a document has stated so far, for dates written without one.
///
/// Records are paragraphs; a year written in paragraph 0 (2020年春节) dates
/// the 1月27日 of paragraph 3. The memory follows one document through
/// consecutive paragraphs seen by this processor: it is forgotten when a
/// record of another document, or a paragraph out of sequence, arrives. The
/// stage driver gives each document's records to one processor in order
/// (`keepsDocumentState`), so the output is the same for any `--jobs`.
struct DocumentMemory {
    var doc: String?
    var para: Int?
    var carried: Int?

    func year(doc: String?, para: Int?) -> Int? {
        guard let doc, doc == self.doc, let para, let last = self.para, para == last + 1 else { return nil }
        return carried
    }

    mutating func remember(doc: String?, para: Int?, year: Int?) {
        self.doc = doc
        self.para = para
        carried = year
    }

    /// The year of an ISO-like date field ("2020-01-27", "2020").
    static func year(in text: String) -> Int? {
        let digits = text.unicodeScalars.prefix { Scalars.isASCIIDigit($0.value) }
        guard digits.count == 4 else { return nil }
        return Int(String(String.UnicodeScalarView(digits)))
    }
}

/// Runs the number scanner and the entity rules over one text.
public struct Extractor: Sendable {
    public let lexicons: ExtractLexicons
    public let options: ExtractOptions

    public init(lexicons: ExtractLexicons, options: ExtractOptions = ExtractOptions()) {
        self.lexicons = lexicons
        self.options = options
    }

    /// What was found in one text.
    public struct Result {
        public var entities: [EntityMention]
        public var numbers: [NumberMention]
        public var missing: [MissingNumber]
        let text: ExtractText
    }

    /// ZHPIPE_EXTRACT_DEBUG=1 prints each paragraph's words and tags on stderr.
    static let debug = getenv("ZHPIPE_EXTRACT_DEBUG") != nil

    public func extract(_ text: String) -> Result {
        var year: Int?
        return extract(text, year: &year)
    }

    public func extract(_ string: String, year: inout Int?) -> Result {
        extract(ExtractText(string, lexicons: lexicons), year: &year)
    }

    /// Extracts from a text given as valid UTF-8 (a record's, checked by its reader).
    public func extract(utf8 bytes: UnsafeBufferPointer<UInt8>, year: inout Int?) -> Result {
        var buffers = ExtractText.Buffers()
        return extract(utf8: bytes, year: &year, reusing: &buffers)
    }

    /// As `extract(utf8:year:)`, in the arrays of the paragraph before (see `ExtractText.Buffers`).
    func extract(utf8 bytes: UnsafeBufferPointer<UInt8>, year: inout Int?, reusing buffers: inout ExtractText.Buffers) -> Result {
        extract(ExtractText(utf8: bytes, lexicons: lexicons, reusing: &buffers), year: &year)
    }

    func extract(_ text: ExtractText, year: inout Int?) -> Result {
        if Self.debug { text.dumpLattice(lexicons) }
        var scanner = NumberScanner(text: text, lexicons: lexicons)
        scanner.scan()
        var entities: [EntityMention] = []
        if options.entities {
            var recognizer = EntityRecognizer(text: text, lexicons: lexicons, numbers: scanner.mentions)
            let names = recognizer.run()
            let dates = DateTimeRules(text: text, numbers: scanner.mentions).run(year: &year)
            entities = Self.merge(names, dates)
            AbbreviationLinker.link(&entities, text: text)
        }
        return Result(entities: entities, numbers: options.numbers ? scanner.mentions : [], missing: scanner.missing, text: text)
    }

    /// Names and dates in text order; a date never overlaps a name it is inside of.
    static func merge(_ names: [EntityMention], _ dates: [EntityMention]) -> [EntityMention] {
        // Names come in text order and never share a span, so they are in this order already.
        if dates.isEmpty { return names }
        var out = names
        for d in dates where !names.contains(where: { $0.start < d.end && d.start < $0.end }) { out.append(d) }
        // Sorting the indices moves integers, not mentions (structs of strings: each move a
        // copy with retains); the comparisons, and so the order, are those of sorting `out`.
        let order = out.indices.sorted { a, b in
            (out[a].start, out[a].end, out[a].type.rawValue) < (out[b].start, out[b].end, out[b].type.rawValue)
        }
        // Usually the order is already right: then no mention is copied.
        if order.elementsEqual(out.indices) { return out }
        return order.map { out[$0] }
    }
}
