import Records

/// Writes entities and numbers as the JSON arrays of the record format.
///
/// Field order is fixed (type, text, start, end, norm, then the optional
/// ones), values are exact decimal literals, so the bytes depend only on
/// what was found.
enum MentionWriter {
    static func entities(_ entities: [EntityMention], text: ExtractText) -> [UInt8] {
        var w = JSONWriter(capacity: 64 + entities.count * 96)
        w.beginArray()
        for e in entities {
            w.comma()
            w.beginObject()
            w.member("type", e.type.rawValue)
            w.member("text", text.originalString(e.start, e.end))
            w.member("start", e.start)
            w.member("end", e.end)
            w.member("norm", e.norm)
            if let role = e.role { w.member("role", role) }
            if e.partial { w.member("partial", true) }
            if let chain = e.chain {
                w.key("chain")
                w.beginArray()
                for c in chain { w.comma(); w.append(c) }
                w.endArray()
            }
            if let full = e.fullName { w.member("full", full) }
            if let calendar = e.calendar { w.member("calendar", calendar) }
            w.member("evidence", e.evidence)
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }

    static func numbers(_ numbers: [NumberMention], text: ExtractText) -> [UInt8] {
        var w = JSONWriter(capacity: 64 + numbers.count * 96)
        w.beginArray()
        for n in numbers {
            w.comma()
            w.beginObject()
            w.member("text", text.originalString(n.start, n.end))
            w.member("start", n.start)
            w.member("end", n.end)
            w.member("value", n.value)
            if let max = n.max { w.member("max", max) }
            if let unit = n.unit { w.member("unit", unit) } else { w.key("unit"); w.appendNull() }
            w.member("kind", n.kind)
            w.member("approx", n.approx)
            if let (num, den) = n.fraction {
                w.member("numerator", num)
                w.member("denominator", den)
            }
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }
}

/// Puts extract's flags into the record's `flags` list without touching the
/// flags other stages wrote, and so that running extract again gives the
/// same bytes: extract's own earlier flags are replaced, not added to.
enum FlagMerger {
    static let kind = "number-missing"

    static func merge(_ missing: [MissingNumber], text: ExtractText, into record: inout Record) throws {
        var items: [JSONValue] = []
        let existing = try record.value("flags")
        if let existing {
            guard let array = existing.array else {
                throw RecordError.wrongType(field: "flags", expected: "an array", found: existing.typeName)
            }
            items = array.filter { item in
                if item.string == kind { return false }
                if item["kind"]?.string == kind { return false }
                return true
            }
        }
        for m in missing {
            items.append(.object(JSONObject([
                ("kind", .string(kind)), ("start", .number(DecimalValue(m.start))), ("end", .number(DecimalValue(m.end))),
                ("text", .string(text.originalString(m.start, m.end))), ("stage", .string("extract")),
            ])))
        }
        if existing == nil && items.isEmpty { return }
        var w = JSONWriter()
        JSONValue.array(items).write(to: &w)
        if let old = record["flags"], Array(old) == w.bytes { return }
        record.set("flags", json: w.bytes)
    }
}
