import Records
import Script

/// Cuts a repaired document into paragraph records, moving each repair and
/// flag into the offsets of its paragraph.
///
/// A repair or flag belongs to the paragraph it starts in (or touches: a
/// deletion at a paragraph's end belongs to it); one standing in the blank
/// lines between paragraphs goes to the start of the next paragraph. Page
/// furniture the passes moved out of the text goes, as data, into the
/// `furniture` field of the document's first record. Fields the user attached
/// to a JSON-lines document are carried on every record.
public enum ParagraphRecords {
    /// The records, as `Record` values (parsed back from `write`, so both agree byte for byte).
    public static func make(document: Document, repaired: RepairedText, normalizer: ScriptNormalizer?) -> [Record] {
        var out: [UInt8] = []
        write(document: document, repaired: repaired, normalizer: normalizer, to: &out)
        var records: [Record] = []
        var start = 0
        for i in out.indices where out[i] == 0x0A {
            if let record = try? Record(parsing: out, range: start..<i) { records.append(record) }
            start = i + 1
        }
        return records
    }

    /// Appends the records as JSON lines: straight from the scalars to bytes
    /// (the repair stage's output path; a `Record` per paragraph costs more
    /// than the repairs of clean text).
    public static func write(document: Document, repaired: RepairedText, normalizer: ScriptNormalizer?, to out: inout [UInt8]) {
        let scalars = repaired.text.scalars
        let ranges = ParagraphSplitter.ranges(scalars)
        let repairs = repaired.text.repairs
        let flags = repaired.notes.flags
        var repairIndex = 0
        var flagsByParagraph = [[RepairNotes.Flag]](repeating: [], count: ranges.count)
        for flag in flags {
            if let p = paragraph(containing: flag.start, end: flag.end, in: ranges) { flagsByParagraph[p].append(flag) }
        }
        let isLegacy = repaired.notes.encoding.map { !$0.hasPrefix("UTF-") } ?? false
        let docJSON = literal(document.id)
        let encodingJSON: [UInt8]? = isLegacy ? repaired.notes.encoding.map(literal) : nil
        // The user's own fields, carried on every record.
        var extra: [UInt8] = []
        if let record = document.record {
            for field in record.fields where !RepairStage.ownedFields.contains(field.key) {
                extra.append(0x2C)
                extra.append(contentsOf: literal(field.key))
                extra.append(0x3A)
                extra.append(contentsOf: field.json)
            }
        }
        var normValues: [UInt32] = []
        func member(_ key: StaticString, _ body: (inout [UInt8]) -> Void) {
            out.append(0x2C)
            key.withUTF8Buffer { out.append(contentsOf: $0) }
            body(&out)
        }
        for (index, range) in ranges.enumerated() {
            out.append(contentsOf: recordStart)
            out.append(contentsOf: docJSON)
            member("\"para\":") { $0.append(contentsOf: String(index).utf8) }
            member("\"text\":") { o in
                scalars[range].withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: UInt32.self) { ScalarJSON.append($0, to: &o) }
                }
            }
            // Repairs: those starting before the next paragraph.
            let nextStart = index + 1 < ranges.count ? ranges[index + 1].lowerBound : Int.max
            var local: [JSONValue] = []
            while repairIndex < repairs.count && (repairs[repairIndex].start < nextStart || repairs[repairIndex].start <= range.upperBound) {
                var r = repairs[repairIndex]
                r.start = min(max(r.start, range.lowerBound), range.upperBound) - range.lowerBound
                r.end = min(max(r.end, range.lowerBound), range.upperBound) - range.lowerBound
                r.end = max(r.end, r.start)
                local.append(r.json)
                repairIndex += 1
            }
            if index == ranges.count - 1 {
                while repairIndex < repairs.count {
                    var r = repairs[repairIndex]
                    r.start = range.count
                    r.end = range.count
                    local.append(r.json)
                    repairIndex += 1
                }
            }
            member("\"repairs\":") { o in
                if local.isEmpty { o.append(0x5B); o.append(0x5D) } else { o.append(contentsOf: json(.array(local))) }
            }
            let localFlags = flagsByParagraph[index].map { flag -> JSONValue in
                var f = flag
                f.start = min(max(f.start, range.lowerBound), range.upperBound) - range.lowerBound
                f.end = max(min(max(f.end, range.lowerBound), range.upperBound) - range.lowerBound, f.start)
                return f.json
            }
            if !localFlags.isEmpty { member("\"flags\":") { $0.append(contentsOf: json(.array(localFlags))) } }
            if index == 0 && !repaired.notes.furniture.isEmpty {
                member("\"furniture\":") { $0.append(contentsOf: json(.array(repaired.notes.furniture.map(furnitureJSON)))) }
            }
            if let encodingJSON { member("\"encoding\":") { $0.append(contentsOf: encodingJSON) } }
            if let normalizer {
                normValues.removeAll(keepingCapacity: true)
                scalars[range].withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: UInt32.self) { normValues.append(contentsOf: $0) }
                }
                normalizer.normalize(values: &normValues)
                member("\"norm\":") { o in normValues.withUnsafeBufferPointer { ScalarJSON.append($0, to: &o) } }
            }
            out.append(contentsOf: extra)
            out.append(0x7D)
            out.append(0x0A)
        }
        if ranges.isEmpty, !repaired.notes.furniture.isEmpty || !flags.isEmpty {
            // Nothing but furniture or damage: keep one empty record so nothing is lost.
            var record = Record()
            record.set("doc", document.id)
            record.set("para", 0)
            record.set("text", "")
            record.set("repairs", .array(repairs.map { r in var r = r; r.start = 0; r.end = 0; return r.json }))
            if !flags.isEmpty { record.set("flags", .array(flags.map { f in var f = f; f.start = 0; f.end = 0; return f.json })) }
            if !repaired.notes.furniture.isEmpty { record.set("furniture", .array(repaired.notes.furniture.map(furnitureJSON))) }
            if let encodingJSON { record.set("encoding", json: encodingJSON) }
            if let normalizer { record.set("norm", normalizer.normalize("")) }
            if let extraFields = document.record {
                for field in extraFields.fields where !RepairStage.ownedFields.contains(field.key) { record.set(field.key, json: field.json) }
            }
            record.write(to: &out)
        }
    }

    /// How every paragraph record begins: `{"doc":`.
    private static let recordStart: [UInt8] = Array("{\"doc\":".utf8)

    static func literal(_ s: String) -> [UInt8] {
        var w = JSONWriter()
        w.appendStringLiteral(s)
        return w.bytes
    }

    static func json(_ value: JSONValue) -> [UInt8] {
        var w = JSONWriter()
        value.write(to: &w)
        return w.bytes
    }

    /// The paragraph a span belongs to: the one it starts in or touches, else the next one.
    static func paragraph(containing start: Int, end: Int, in ranges: [Range<Int>]) -> Int? {
        guard !ranges.isEmpty else { return nil }
        // Binary search for the first paragraph whose end is >= start.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < start { lo = mid + 1 } else { hi = mid }
        }
        return min(lo, ranges.count - 1)
    }

    static func furnitureJSON(_ item: (kind: String, text: String)) -> JSONValue {
        .object(JSONObject([("kind", .string(item.kind)), ("text", .string(item.text))]))
    }

    /// The `repairs` of a record from an earlier run (malformed entries are skipped).
    static func repairs(in record: Record) -> [Repair] {
        guard let value = try? record.value("repairs"), let array = value.array else { return [] }
        return array.compactMap { item in
            guard let kind = item["kind"]?.string, let start = item["start"]?.int, let end = item["end"]?.int,
                  let original = item["original"]?.string else { return nil }
            let confidence = item["confidence"]?.number?.doubleValue ?? 1
            return Repair(kind: kind, start: start, end: end, original: original, confidence: confidence)
        }
    }
}
