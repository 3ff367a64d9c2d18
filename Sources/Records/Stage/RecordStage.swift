/// A stage that maps each record to an updated record (segment, extract).
///
/// The stage value is configuration, shared by all threads; each worker
/// thread gets its own processor from `makeProcessor()`, because the ICU
/// objects processors hold are not thread-safe.
public protocol RecordStage: Sendable {
    /// The subcommand's name, used in messages ("segment").
    var name: String { get }
    /// The fields this stage writes (and replaces when run again).
    var ownedFields: [String] { get }
    /// A processor for one worker thread.
    func makeProcessor() throws -> any RecordProcessor
    /// True when a processor remembers something from one paragraph of a
    /// document for the next (a year stated once, say). The driver then
    /// gives all records of a document, in order, to one processor, so the
    /// output is the same whatever `--jobs` is.
    var keepsDocumentState: Bool { get }
}

extension RecordStage {
    public var keepsDocumentState: Bool { false }
}

/// The per-thread half of a `RecordStage`.
public protocol RecordProcessor: AnyObject {
    /// Reads what the stage needs from `record` and sets the fields it owns.
    /// Throws `RecordError` when the record lacks what the stage needs.
    func process(_ record: inout Record) throws
    /// Called before a run of whole documents that follows no record this
    /// processor saw: forget what was remembered across paragraphs.
    func beginUnit()
}

extension RecordProcessor {
    public func beginUnit() {}
}

/// How a stream run behaves on bad input and how it uses the machine.
public struct StreamOptions: Sendable {
    /// Pass bad lines through as error records instead of stopping.
    public var keepGoing: Bool
    /// Worker threads (1 = process on the reading thread).
    public var jobs: Int
    /// Progress on stderr: nil = when stderr is a terminal.
    public var progress: Bool?
    /// Bytes read at a time: a batch of lines, the unit of work of a thread.
    public var batchBytes: Int

    public init(keepGoing: Bool = false, jobs: Int = 1, progress: Bool? = nil, batchBytes: Int = 1 << 20) {
        self.keepGoing = keepGoing
        self.jobs = max(1, jobs)
        self.progress = progress
        self.batchBytes = max(1, batchBytes)
    }
}

/// What a run saw: records out, bad lines kept as error records, bytes in.
public struct StreamSummary: Sendable, Equatable {
    public var records = 0
    public var badLines = 0
    public var bytesIn = 0
    public init() {}
}
