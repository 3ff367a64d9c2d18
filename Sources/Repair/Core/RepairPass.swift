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
        public init(kind: String, start: Int, end: Int) {
            self.kind = kind
            self.start = start
            self.end = end
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

    public func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        for pass in passes { pass.run(on: &text, notes: &notes) }
    }
}
