/// Lines that one worker processes in a row: parts of one or more batches.
///
/// Why parts: when a stage remembers across the paragraphs of a document,
/// a document must not be split between workers, so the records at the end
/// of a batch that belong to a document still going on wait for the next
/// batch (`DocumentCutter`) and travel with it.
struct WorkUnit {
    var parts: [(batch: LineBatch, lines: ArraySlice<LineBatch.Line>, input: InputSource)] = []

    var isEmpty: Bool { parts.allSatisfy { $0.lines.isEmpty } }

    /// Bytes of input the unit's lines take (to size the output).
    var byteCount: Int {
        parts.reduce(0) { sum, part in
            guard let first = part.lines.first, let last = part.lines.last else { return sum }
            return sum + last.range.upperBound - first.range.lowerBound
        }
    }

    mutating func append(_ batch: LineBatch, _ lines: ArraySlice<LineBatch.Line>, from input: InputSource) {
        if !lines.isEmpty { parts.append((batch, lines, input)) }
    }
}

/// Keeps the records of a document together across batches.
///
/// `cut` returns what can be processed now and holds back the trailing
/// lines whose `doc` is the same as the last line's (parsing only those
/// lines, from the end); `flush` returns what is held at the end of the
/// input. Lines that do not parse, or have no `doc`, end a document.
struct DocumentCutter {
    private var held = WorkUnit()
    /// The `doc` of the held lines.
    private var heldDocument: ArraySlice<UInt8>?

    mutating func cut(_ batch: LineBatch, _ lines: [LineBatch.Line], from input: InputSource) -> WorkUnit {
        let (split, document) = Self.lastDocument(batch, lines)
        if split == 0, let document, document == heldDocument {
            // The whole batch goes on with the held document: hold it too.
            held.append(batch, lines[...], from: input)
            return WorkUnit()
        }
        var unit = held
        unit.append(batch, lines[..<split], from: input)
        held = WorkUnit()
        held.append(batch, lines[split...], from: input)
        heldDocument = document
        return unit
    }

    mutating func flush() -> WorkUnit {
        defer { held = WorkUnit(); heldDocument = nil }
        return held
    }

    /// The first line of the trailing run of lines with the same `doc`, and
    /// that `doc` (`lines.count` and nil when the last line has none).
    static func lastDocument(_ batch: LineBatch, _ lines: [LineBatch.Line]) -> (start: Int, document: ArraySlice<UInt8>?) {
        guard let last = lines.last, let document = document(of: last, in: batch) else { return (lines.count, nil) }
        var i = lines.count - 1
        while i > 0, let previous = Self.document(of: lines[i - 1], in: batch), previous == document { i -= 1 }
        return (i, document)
    }

    static func document(of line: LineBatch.Line, in batch: LineBatch) -> ArraySlice<UInt8>? {
        (try? Record(parsing: batch.storage, range: line.range))?["doc"]
    }
}
