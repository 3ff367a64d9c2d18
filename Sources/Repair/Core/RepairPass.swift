import Records

/// One kind of repair, run over a whole document's text.
///
/// Passes run in a fixed order (see `RepairPipeline`); each finds the damage
/// it knows, edits the text through `TextUnderRepair` (which keeps the
/// `repairs` list right), and may note what it saw but could not fix as
/// flags. A pass must leave clean text exactly as it is.
public protocol RepairPass {
    /// The pass's name, used in tests and `zhpipe eval repair`.
    var name: String { get }
    func run(on text: inout TextUnderRepair, notes: inout RepairNotes)
}

/// What the passes noticed but did not (or could not) fix, and side data they
/// moved out of the text (page furniture such as bylines and breadcrumbs).
public struct RepairNotes: Sendable {
    /// A flag located in the current text (offsets move with later edits only
    /// if the pass that adds it runs last; passes add flags after editing).
    public struct Flag: Sendable, Equatable {
        public var kind: String
        public var start: Int
        public var end: Int
        /// More about the flag, written after the offsets (e.g. "byte", "encoding").
        public var detail: JSONObject
        public init(kind: String, start: Int, end: Int, detail: JSONObject = JSONObject()) {
            self.kind = kind
            self.start = start
            self.end = end
            self.detail = detail
        }

        /// The record form: {"kind", "start", "end", ...detail}.
        public var json: JSONValue {
            var members: [(key: String, value: JSONValue)] = [
                ("kind", .string(kind)), ("start", .number(DecimalValue(start))), ("end", .number(DecimalValue(end))),
            ]
            members.append(contentsOf: detail.members)
            return .object(JSONObject(members))
        }
    }

    public var flags: [Flag] = []
    /// Lines moved out of the text (kind, text), in document order.
    public var furniture: [(kind: String, text: String)] = []
    /// The encoding the bytes were decoded with.
    public var encoding: String?

    public init() {}
}

/// The ordered list of passes the repair stage runs.
public struct RepairPipeline {
    public var passes: [any RepairPass]

    public init(passes: [any RepairPass]) {
        self.passes = passes
    }

    /// Runs every pass. Flags a pass adds to `notes.flags` are handed to
    /// `text` right after it, so later passes' edits keep them in place; on
    /// return `notes.flags` holds all flags in final offsets.
    public func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        for flag in notes.flags { text.addFlag(flag) }
        notes.flags.removeAll()
        for pass in passes {
            pass.run(on: &text, notes: &notes)
            for flag in notes.flags { text.addFlag(flag) }
            notes.flags.removeAll()
        }
        notes.flags = text.flags
    }
}
