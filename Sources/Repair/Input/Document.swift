import Records

/// One document to repair: its id, its content as it arrived, and where it
/// came from.
///
/// Raw files arrive as bytes in an unknown encoding; JSON-lines documents
/// arrive as text plus any fields the user attached (`url`, `source`), which
/// every paragraph record carries on. A JSON-lines record that already has a
/// `para` is a paragraph from an earlier repair run and is repaired on its own.
public struct Document: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        case text(String)
        /// Text already decoded to scalars (JSON-lines input: the fast path).
        case scalars([Unicode.Scalar])
        /// A line or file that could not be read as a document (kept in
        /// order under `--keep-going`, and passed on as an error record).
        case failed(InputError, original: ArraySlice<UInt8>?)
    }

    public var id: String
    public var content: Content
    /// Fields other than `doc` and `text`, in order (JSON-lines input only).
    public var record: Record?
    /// Where the document came from, for messages.
    public var input: InputSource
    public var line: Int?

    public init(id: String, content: Content, record: Record? = nil, input: InputSource, line: Int? = nil) {
        self.id = id
        self.content = content
        self.record = record
        self.input = input
        self.line = line
    }

    /// True for a paragraph record from an earlier repair run.
    public var isParagraphRecord: Bool { record?.has("para") ?? false }
}
