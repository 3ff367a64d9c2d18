import Lexicon
import Records
import Script

/// Stage 1: decode documents, undo transit damage, and emit one record per
/// paragraph with every change listed in `repairs`.
///
/// The stage value holds configuration and is shared; each worker thread
/// repairs with its own `DocumentRepairer`. The lexicon data (language model,
/// script table, the rule passes' lexicons) is loaded once, on the first
/// `makeRepairer()`, and shared by all repairers.
public struct RepairStage: Sendable {
    public static let name = "repair"
    /// The fields this stage writes.
    public static let ownedFields = ["doc", "para", "text", "repairs", "flags", "furniture", "encoding", "norm"]

    /// An encoding that overrides detection (`--encoding`).
    public var encoding: String?
    /// Where the lexicons are (nil: `LexiconDirectory.locate()`).
    public var lexicons: LexiconDirectory?
    /// Also write `norm`, the normalised form of `text` (Simplified, half-width).
    public var writesNormalizedText: Bool
    /// The passes to run (nil: `RepairStage.standardPasses`).
    public var passNames: [String]?

    private let resources = ResourceCache()

    public init(encoding: String? = nil, lexicons: LexiconDirectory? = nil, writesNormalizedText: Bool = false, passNames: [String]? = nil) {
        self.encoding = encoding
        self.lexicons = lexicons
        self.writesNormalizedText = writesNormalizedText
        self.passNames = passNames
    }

    public func makeRepairer() throws -> DocumentRepairer {
        let shared = try resources.get {
            let directory = try lexicons ?? LexiconDirectory.locate()
            let model = try LanguageModel(lexicons: directory)
            let normalizer = model.normalizer
            var passes = try Self.standardPasses(lexicons: directory, model: model)
            if let passNames {
                let unknown = passNames.filter { name in !passes.contains { $0.name == name } }
                guard unknown.isEmpty else {
                    throw RepairConfigurationError(problem: "unknown pass(es) \(unknown.joined(separator: ", ")); known: \(passes.map(\.name).joined(separator: ", "))")
                }
                passes = passes.filter { passNames.contains($0.name) }
            }
            return SharedResources(model: model, normalizer: normalizer, passes: passes)
        }
        return DocumentRepairer(
            model: shared.model,
            decoding: try Decoding(forcedEncoding: encoding, model: shared.model),
            pipeline: RepairPipeline(passes: shared.passes),
            normalizer: writesNormalizedText ? shared.normalizer : nil
        )
    }
}

/// A repair-stage option that cannot be used (unknown pass name, ...).
public struct RepairConfigurationError: Error, CustomStringConvertible, Sendable {
    public let problem: String
    public var description: String { problem }
}

struct SharedResources: @unchecked Sendable {
    let model: LanguageModel
    let normalizer: ScriptNormalizer
    let passes: [any RepairPass]
}

/// Loads the shared resources once (repairers are made one after another on one thread, but be safe).
final class ResourceCache: @unchecked Sendable {
    private var loaded: SharedResources?
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func get(_ load: () throws -> SharedResources) throws -> SharedResources {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let loaded { return loaded }
        let value = try load()
        loaded = value
        return value
    }
}

/// Repairs one document at a time into paragraph records (one per thread).
public final class DocumentRepairer {
    /// The language model the passes share.
    public let model: LanguageModel
    let decoding: Decoding
    let pipeline: RepairPipeline
    let normalizer: ScriptNormalizer?

    init(model: LanguageModel, decoding: Decoding, pipeline: RepairPipeline, normalizer: ScriptNormalizer?) {
        self.model = model
        self.decoding = decoding
        self.pipeline = pipeline
        self.normalizer = normalizer
    }

    /// Appends the paragraph records of `document` to `out` as JSON lines
    /// (what `repair(_:)` returns, written without making `Record` values).
    public func repair(_ document: Document, into out: inout [UInt8]) throws {
        switch document.content {
        case .text(let text) where !document.isParagraphRecord:
            let repaired = repairText(TextUnderRepair(scalars: Self.scalars(of: text)), encoding: nil)
            ParagraphRecords.write(document: document, repaired: repaired, normalizer: normalizer, to: &out)
        case .scalars(let scalars) where !document.isParagraphRecord:
            let repaired = repairText(TextUnderRepair(scalars: scalars), encoding: nil)
            ParagraphRecords.write(document: document, repaired: repaired, normalizer: normalizer, to: &out)
        case .bytes(let bytes):
            ParagraphRecords.write(document: document, repaired: try repairBytes(bytes), normalizer: normalizer, to: &out)
        default:
            for record in try repair(document) { record.write(to: &out) }
        }
    }

    /// The scalars of a string (through its UTF-8, faster than its scalar view).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            var values: [UInt32] = []
            values.reserveCapacity(utf8.count)
            _ = UTF8Scalars.decode(validating: utf8, into: &values)
            return values.map { Unicode.Scalar($0)! }
        }
    }

    /// The paragraph records of `document`, in order.
    public func repair(_ document: Document) throws -> [Record] {
        switch document.content {
        case .failed(let error, let original):
            return [ErrorRecord.make(for: error, original: original)]
        case .text(let text):
            return repairText(document, scalars: Self.scalars(of: text))
        case .scalars(let scalars):
            return repairText(document, scalars: scalars)
        case .bytes(let bytes):
            return ParagraphRecords.make(document: document, repaired: try repairBytes(bytes), normalizer: normalizer)
        }
    }

    func repairText(_ document: Document, scalars: [Unicode.Scalar]) -> [Record] {
        if document.isParagraphRecord, let record = document.record {
            return [repairParagraphRecord(record, scalars: scalars)]
        }
        let repaired = repairText(TextUnderRepair(scalars: scalars), encoding: nil)
        return ParagraphRecords.make(document: document, repaired: repaired, normalizer: normalizer)
    }

    /// Decodes and repairs a raw document.
    func repairBytes(_ bytes: [UInt8]) throws -> RepairedText {
        let decoded = try decoding.decode(bytes)
        var text = TextUnderRepair(scalars: decoded.scalars)
        for bad in decoded.invalid {
            text.addFlag(RepairNotes.Flag(
                kind: "invalid-bytes", start: bad.scalarOffset, end: bad.scalarOffset + 1,
                detail: JSONObject([("byte", .number(DecimalValue(bad.byteOffset))),
                                    ("bytes", .number(DecimalValue(bad.byteCount))),
                                    ("encoding", .string(decoded.encoding))])))
        }
        return repairText(text, encoding: decoded.encoding)
    }

    /// Runs the passes over a whole text.
    public func repairText(_ text: TextUnderRepair, encoding: String?) -> RepairedText {
        var text = text
        var notes = RepairNotes()
        notes.encoding = encoding
        pipeline.run(on: &text, notes: &notes)
        return RepairedText(text: text, notes: notes)
    }

    /// A record from an earlier repair run, repaired again on its own: its
    /// earlier repairs and flags are kept, so clean output stays byte-identical.
    func repairParagraphRecord(_ record: Record, scalars: [Unicode.Scalar]) -> Record {
        var record = record
        let earlier = ParagraphRecords.repairs(in: record)
        let repaired = repairText(TextUnderRepair(scalars: scalars, repairs: earlier), encoding: nil)
        let changed = repaired.text.repairs != earlier
        if changed {
            record.set("text", repaired.text.text)
            record.set("repairs", .array(repaired.text.repairs.map(\.json)))
        } else if !record.has("repairs") {
            record.set("repairs", .array([]))
        }
        let earlierFlags = (try? record.value("flags"))?.array ?? []
        var flags = earlierFlags
        for flag in repaired.notes.flags.map(\.json) where !flags.contains(flag) { flags.append(flag) }
        if flags != earlierFlags { record.set("flags", .array(flags)) }
        if !repaired.notes.furniture.isEmpty {
            var furniture = (try? record.value("furniture"))?.array ?? []
            for item in repaired.notes.furniture.map(ParagraphRecords.furnitureJSON) where !furniture.contains(item) { furniture.append(item) }
            record.set("furniture", .array(furniture))
        }
        if let normalizer, changed || !record.has("norm") { record.set("norm", normalizer.normalize(repaired.text.text)) }
        return record
    }
}

/// A whole document after the passes: the text with its repairs and flags, and the notes.
public struct RepairedText: Sendable {
    public var text: TextUnderRepair
    public var notes: RepairNotes
}
