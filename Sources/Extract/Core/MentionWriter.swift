import Records

/// Writes entities and numbers as the JSON arrays of the record format.
///
/// Field order is fixed (type, text, start, end, norm, then the optional
/// ones), values are exact decimal literals, so the bytes depend only on
/// what was found.
enum MentionWriter {
    /// The member names, quoted once for all records.
    private enum Keys {
        static let type = JSONWriter.Key("type"), text = JSONWriter.Key("text")
        static let start = JSONWriter.Key("start"), end = JSONWriter.Key("end")
        static let norm = JSONWriter.Key("norm"), role = JSONWriter.Key("role")
        static let partial = JSONWriter.Key("partial"), chain = JSONWriter.Key("chain")
        static let full = JSONWriter.Key("full"), calendar = JSONWriter.Key("calendar")
        static let evidence = JSONWriter.Key("evidence"), value = JSONWriter.Key("value")
        static let max = JSONWriter.Key("max"), unit = JSONWriter.Key("unit")
        static let kind = JSONWriter.Key("kind"), approx = JSONWriter.Key("approx")
        static let numerator = JSONWriter.Key("numerator"), denominator = JSONWriter.Key("denominator")
    }

    static func entities(_ entities: [EntityMention], text: ExtractText) -> [UInt8] {
        var w = JSONWriter(capacity: 64 + entities.count * 96)
        w.beginArray()
        for e in entities {
            w.comma()
            w.beginObject()
            w.member(Keys.type, e.type.rawValue)
            writeText(e.start, e.end, of: text, to: &w)
            w.member(Keys.start, e.start)
            w.member(Keys.end, e.end)
            w.member(Keys.norm, e.norm)
            if let role = e.role { w.member(Keys.role, role) }
            if e.partial { w.member(Keys.partial, true) }
            if let chain = e.chain {
                w.key(Keys.chain)
                w.beginArray()
                for c in chain { w.comma(); w.append(c) }
                w.endArray()
            }
            if let full = e.fullName { w.member(Keys.full, full) }
            if let calendar = e.calendar { w.member(Keys.calendar, calendar) }
            w.member(Keys.evidence, e.evidence)
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
            writeText(n.start, n.end, of: text, to: &w)
            w.member(Keys.start, n.start)
            w.member(Keys.end, n.end)
            w.member(Keys.value, n.value)
            if let max = n.max { w.member(Keys.max, max) }
            if let unit = n.unit { w.member(Keys.unit, unit) } else { w.key(Keys.unit); w.appendNull() }
            w.member(Keys.kind, n.kind)
            w.member(Keys.approx, n.approx)
            if let (num, den) = n.fraction {
                w.member(Keys.numerator, num)
                w.member(Keys.denominator, den)
            }
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }

    /// The `text` member: the original text of [start, end), written from its scalars.
    private static func writeText(_ start: Int, _ end: Int, of text: ExtractText, to w: inout JSONWriter) {
        w.key(Keys.text)
        text.originalScalars(start, end).withUnsafeBufferPointer { w.appendStringLiteral(scalarValues: $0) }
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
