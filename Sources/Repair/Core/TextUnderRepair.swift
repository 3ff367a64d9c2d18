import Records

/// One change the repair stage made, located in the repaired text.
///
/// `start..<end` is the span of the replacement in the text as it finally
/// stands (code-point offsets; an empty span is a deletion), `original` is
/// what stood there in the input, and `confidence` says how sure the
/// repairer is (1.0 when the damage model reproduces the input exactly).
public struct Repair: Sendable, Equatable {
    public var kind: String
    public var start: Int
    public var end: Int
    public var original: String
    public var confidence: Double

    public init(kind: String, start: Int, end: Int, original: String, confidence: Double) {
        self.kind = kind
        self.start = start
        self.end = end
        self.original = original
        self.confidence = confidence
    }

    /// The record form: {"kind", "start", "end", "original", "confidence"}.
    public var json: JSONValue {
        .object(JSONObject([
            ("kind", .string(kind)),
            ("start", .number(DecimalValue(start))),
            ("end", .number(DecimalValue(end))),
            ("original", .string(original)),
            ("confidence", .number(Self.decimal(confidence))),
        ]))
    }

    /// Confidence written with at most three decimals, exactly.
    static func decimal(_ x: Double) -> DecimalValue {
        DecimalValue(significand: Int128((min(max(x, 0), 1) * 1000).rounded()), exponent: -3)
    }
}

/// A text being repaired: its current characters and every change so far,
/// kept in current offsets.
///
/// Repair runs as a sequence of passes (decoding fixes, annotation removal,
/// line joining, ...). Each pass edits the current text; this type moves the
/// earlier changes' offsets along and, when a new edit touches an earlier
/// change, merges the two so `original` is always the input as it arrived.
/// So the final `repairs` list is correct whatever order the passes ran in.
public struct TextUnderRepair: Sendable {
    /// One replacement within the current text.
    public struct Edit: Sendable {
        public var range: Range<Int>
        public var replacement: [Unicode.Scalar]
        public var kind: String
        public var confidence: Double

        public init(range: Range<Int>, replacement: [Unicode.Scalar], kind: String, confidence: Double) {
            self.range = range
            self.replacement = replacement
            self.kind = kind
            self.confidence = confidence
        }
    }

    public private(set) var scalars: [Unicode.Scalar]
    /// Changes so far, sorted by position, not overlapping.
    public private(set) var repairs: [Repair] = []
    /// Flags placed on the text; their offsets move with every later edit.
    public private(set) var flags: [RepairNotes.Flag] = []
    /// The survey of the current text, while it is current.
    private var surveyed: TextSurvey?

    /// The cheap scan the passes decide on (made once until the text changes).
    public mutating func survey() -> TextSurvey {
        if let surveyed { return surveyed }
        let made = TextSurvey(scalars)
        surveyed = made
        return made
    }

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// A text that was repaired before (a record from an earlier run): its
    /// earlier changes are kept, so new edits merge back to the first input.
    public init(scalars: [Unicode.Scalar], repairs: [Repair]) {
        self.scalars = scalars
        self.repairs = repairs
            .filter { $0.start >= 0 && $0.start <= $0.end && $0.end <= scalars.count }
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Places a flag on the current text; later edits keep it in place.
    public mutating func addFlag(_ flag: RepairNotes.Flag) {
        var f = flag
        f.start = min(max(f.start, 0), scalars.count)
        f.end = min(max(f.end, f.start), scalars.count)
        flags.append(f)
    }

    /// Where offset `original` of the input text stands now (an offset inside
    /// a replaced span goes to the span's start, or its end with `atEnd`).
    public func currentOffset(ofOriginal original: Int, atEnd: Bool = false) -> Int {
        var delta = 0
        for repair in repairs {
            let originalStart = repair.start - delta
            let originalLength = repair.original.unicodeScalars.count
            if original < originalStart { break }
            if original < originalStart + originalLength || (original == originalStart && originalLength == 0 && !atEnd) {
                return atEnd ? repair.end : repair.start
            }
            delta += (repair.end - repair.start) - originalLength
        }
        return min(max(original + delta, 0), scalars.count)
    }

    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Applies non-overlapping edits (given in any order).
    public mutating func apply(_ edits: [Edit]) {
        // Right to left, so earlier ranges stay valid.
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            apply(edit)
        }
    }

    /// Applies one edit.
    public mutating func apply(_ edit: Edit) {
        let r = edit.range
        precondition(r.lowerBound >= 0 && r.upperBound <= scalars.count, "edit out of range")
        let delta = edit.replacement.count - r.count
        // Earlier repairs the edit touches (overlap, or an empty repair inside/at its edges).
        var touched: [Int] = []
        for (i, repair) in repairs.enumerated() {
            let overlaps = repair.start < r.upperBound && r.lowerBound < repair.end
            let deletionInside = repair.start == repair.end && repair.start >= r.lowerBound && repair.start <= r.upperBound && !r.isEmpty
            let editInsideEmpty = r.isEmpty && repair.start < r.lowerBound && r.lowerBound < repair.end
            if overlaps || deletionInside || editInsideEmpty { touched.append(i) }
        }
        var unionStart = r.lowerBound, unionEnd = r.upperBound
        for i in touched {
            unionStart = min(unionStart, repairs[i].start)
            unionEnd = max(unionEnd, repairs[i].end)
        }
        // The input text of the union: current text, with earlier repairs' originals put back.
        var original = String.UnicodeScalarView()
        var position = unionStart
        var kinds: [String] = []
        var confidence = edit.confidence
        for i in touched {
            let repair = repairs[i]
            original.append(contentsOf: scalars[position..<repair.start])
            original.append(contentsOf: repair.original.unicodeScalars)
            position = repair.end
            for kind in repair.kind.split(separator: "+").map(String.init) where !kind.isEmpty && !kinds.contains(kind) { kinds.append(kind) }
            confidence = min(confidence, repair.confidence)
        }
        original.append(contentsOf: scalars[position..<unionEnd])
        for kind in edit.kind.split(separator: "+").map(String.init) where !kind.isEmpty && !kinds.contains(kind) { kinds.append(kind) }

        scalars.replaceSubrange(r, with: edit.replacement)
        surveyed = nil
        for i in flags.indices {
            let (fs, fe) = (flags[i].start, flags[i].end)
            if fs >= r.upperBound && !(fs == r.upperBound && r.isEmpty && fe == fs) {
                flags[i].start += delta
                flags[i].end += delta
            } else if fe > r.lowerBound || (fs == fe && fs >= r.lowerBound) {
                flags[i].start = fs < r.lowerBound ? fs : r.lowerBound
                flags[i].end = fe > r.upperBound ? fe + delta : r.lowerBound + edit.replacement.count
            }
        }
        for i in touched.reversed() { repairs.remove(at: i) }
        for i in repairs.indices where repairs[i].start >= r.upperBound {
            repairs[i].start += delta
            repairs[i].end += delta
        }
        let merged = Repair(kind: kinds.joined(separator: "+"), start: unionStart, end: unionEnd + delta,
                            original: String(original), confidence: confidence)
        let at = repairs.firstIndex { $0.start > merged.start || ($0.start == merged.start && $0.end > merged.end) } ?? repairs.count
        repairs.insert(merged, at: at)
    }

    /// Replaces a range (convenience for a single edit).
    public mutating func replace(_ range: Range<Int>, with replacement: [Unicode.Scalar], kind: String, confidence: Double) {
        apply(Edit(range: range, replacement: replacement, kind: kind, confidence: confidence))
    }
}
