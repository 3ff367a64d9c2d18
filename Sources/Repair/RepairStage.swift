import Records

/// Stage 1: decode documents, undo transit damage, and emit one record per
/// paragraph with every change listed in `repairs`.
///
/// The stage value holds configuration and is shared; each worker thread
/// repairs with its own `DocumentRepairer`.
public struct RepairStage: Sendable {
    public static let name = "repair"
    /// The fields this stage writes.
    public static let ownedFields = ["doc", "para", "text", "repairs", "flags"]

    /// An encoding that overrides detection (`--encoding`).
    public var encoding: String?

    public init(encoding: String? = nil) {
        self.encoding = encoding
    }

    public func makeRepairer() throws -> DocumentRepairer {
        DocumentRepairer(decoding: Decoding(forcedEncoding: encoding))
    }
}

/// Repairs one document at a time into paragraph records (one per thread).
public final class DocumentRepairer {
    let decoding: Decoding

    init(decoding: Decoding) {
        self.decoding = decoding
    }

    /// The paragraph records of `document`, in order.
    public func repair(_ document: Document) throws -> [Record] {
        switch document.content {
        case .failed(let error, let original):
            return [ErrorRecord.make(for: error, original: original)]
        case .text(let text):
            if document.isParagraphRecord, var record = document.record {
                record.set("text", text)
                if !record.has("repairs") { record.set("repairs", .array([])) }
                return [record]
            }
            return records(for: document, text: text, flags: [])
        case .bytes(let bytes):
            let decoded = try decoding.decode(bytes)
            let flags: [JSONValue] = decoded.invalidByteOffsets.map { offset in
                .object(JSONObject([("kind", .string("invalid-bytes")), ("byte", .number(DecimalValue(offset))), ("encoding", .string(decoded.encoding))]))
            }
            return records(for: document, text: decoded.text, flags: flags)
        }
    }

    func records(for document: Document, text: String, flags: [JSONValue]) -> [Record] {
        let paragraphs = ParagraphSplitter.paragraphs(text)
        return paragraphs.enumerated().map { index, paragraph in
            var record = Record()
            record.set("doc", document.id)
            record.set("para", index)
            record.set("text", String(paragraph))
            record.set("repairs", .array([]))
            if index == 0 && !flags.isEmpty { record.set("flags", .array(flags)) }
            if let extra = document.record {
                for field in extra.fields where !RepairStage.ownedFields.contains(field.key) {
                    record.set(field.key, json: field.json)
                }
            }
            return record
        }
    }
}
