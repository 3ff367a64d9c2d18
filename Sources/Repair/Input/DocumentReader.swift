import Records

/// Turns the repair stage's inputs into documents.
///
/// A raw file is one document (id = file name without extension, or
/// `--doc-id` for standard input); a JSON-lines input holds one document per
/// line (`{"doc": ..., "text": ...}`). The format is taken from `--format`, or
/// from the extension (.jsonl, .ndjson), or, for standard input, from whether
/// the first line parses as a JSON object with a "text" field.
public struct DocumentReader {
    /// How an input is read.
    public enum Format: String, CaseIterable, Sendable {
        case auto, text, jsonl
    }

    public let format: Format
    public let documentID: String?
    /// Keep bad JSON lines as failed documents instead of stopping.
    public let keepGoing: Bool

    public init(format: Format = .auto, documentID: String? = nil, keepGoing: Bool = false) {
        self.format = format
        self.documentID = documentID
        self.keepGoing = keepGoing
    }

    /// Calls `body` with batches of documents from `input`, in order: a
    /// batch closes at `batchSize` documents or once its JSON lines reach
    /// `batchBytes` bytes, whichever comes first (a document is never split).
    public func read(_ input: InputSource, batchSize: Int = 64, batchBytes: Int = .max, _ body: ([Document]) throws -> Void) throws {
        let limit = BatchLimit(documents: batchSize, bytes: batchBytes)
        switch resolvedFormat(for: input) {
        case .jsonl:
            try readLines(input, firstBatch: nil, limit: limit, body)
        case .text:
            try body([try rawDocument(input, bytes: input.readAll())])
        case .auto:
            // Standard input of unknown shape: look at the bytes.
            let bytes = try input.readAll()
            if Self.looksLikeJSONLines(bytes) {
                try readLines(input, firstBatch: bytes, limit: limit, body)
            } else {
                try body([try rawDocument(input, bytes: bytes)])
            }
        }
    }

    func resolvedFormat(for input: InputSource) -> Format {
        if format != .auto { return format }
        switch input.pathExtension {
        case "jsonl", "ndjson": return .jsonl
        case "": return input.isStandardInput ? .auto : .text
        default: return .text
        }
    }

    /// A raw document, checked for the cases that are not text at all.
    func rawDocument(_ input: InputSource, bytes: [UInt8]) throws -> Document {
        if bytes.isEmpty { throw InputError.empty(input.description) }
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16, let nul = bytes.firstIndex(of: 0) {
            throw InputError(input: input.description, line: Self.lineNumber(bytes, at: nul), byteOffset: nul,
                             problem: "is not text: it holds a NUL byte (binary data such as an image, archive or PDF)")
        }
        let id = input.isStandardInput ? (documentID ?? "stdin") : (documentID ?? input.stem)
        return Document(id: id, content: .bytes(bytes), input: input)
    }

    static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// When a batch of documents is full.
    struct BatchLimit {
        let documents: Int
        let bytes: Int
    }

    /// JSON-lines documents, read as a stream of lines.
    func readLines(_ input: InputSource, firstBatch: [UInt8]?, limit: BatchLimit, _ body: ([Document]) throws -> Void) throws {
        var pending: [Document] = []
        var pendingBytes = 0
        var sawLine = false
        func consume(_ batch: LineBatch) throws {
            for line in batch.lines where !batch.storage[line.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                sawLine = true
                do {
                    let record = try RecordStream.parse(line, in: batch, input: input)
                    let content: Document.Content
                    var id: String
                    do {
                        if let json = record["text"], let scalars = JSONScalars.decode(json) {
                            content = .scalars(scalars)
                        } else {
                            content = .text(try record.string("text"))
                        }
                        id = try record.optionalString("doc") ?? ""
                    } catch {
                        throw InputError.record(error, input: input.description, line: line.number, stage: "repair")
                    }
                    if id.isEmpty { id = "\(documentID ?? input.stem)-\(line.number)" }
                    pending.append(Document(id: id, content: content, record: record, input: input, line: line.number))
                } catch let error as InputError {
                    guard keepGoing else {
                        // Everything read before the bad line is still repaired and written.
                        if !pending.isEmpty { try body(pending) }
                        throw error
                    }
                    pending.append(Document(id: "", content: .failed(error, original: batch.bytes(of: line)), input: input, line: line.number))
                }
                pendingBytes += line.range.count
                if pending.count >= limit.documents || pendingBytes >= limit.bytes {
                    try body(pending)
                    pending.removeAll(keepingCapacity: true)
                    pendingBytes = 0
                }
            }
        }
        if let firstBatch {
            try consume(Self.splitLines(firstBatch))
        } else {
            let reader = try LineReader(input)
            while let batch = try reader.nextBatch() { try consume(batch) }
        }
        if !pending.isEmpty { try body(pending) }
        if !sawLine { throw InputError.empty(input.description) }
    }

    /// Splits bytes already in memory into a line batch.
    static func splitLines(_ bytes: [UInt8]) -> LineBatch {
        var lines: [LineBatch.Line] = []
        var start = 0
        var number = 1
        while start < bytes.count {
            let end = LineBreaks.next(in: bytes, from: start)
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lines.append(LineBatch.Line(range: start..<contentEnd, number: number, byteOffset: start))
            number += 1
            start = end + 1
        }
        return LineBatch(storage: bytes, lines: lines)
    }

    /// True when the first non-blank line is a JSON object with a "text" string.
    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return false }
        let end = LineBreaks.next(in: bytes, from: start)
        guard let record = try? Record(parsing: bytes, range: start..<end) else { return false }
        return (try? record.string("text")) != nil
    }
}
