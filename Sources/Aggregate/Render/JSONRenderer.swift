import Records

/// The report as one JSON object (compact, one line), for jq and notebooks.
///
/// Under `--by entity` (default) it holds every section; other views hold
/// only their section. Numbers are exact decimal literals; strings are
/// escaped by `JSONWriter`.
enum JSONRenderer {
    static func render(_ model: ReportModel) -> String {
        var w = JSONWriter(capacity: 1 << 16)
        w.beginObject()
        w.member("report", "zhpipe")
        w.member("records", model.quality.records)
        w.member("error_records", model.quality.errorRecords)
        w.member("documents", model.documentCount)
        w.member("mentions", model.mentionTotal)
        let view = model.options.view
        if view.shows(.quality) { quality(model, &w) }
        if view.shows(.entities) { entities(model, &w) }
        if view.shows(.numbers) { numbers(model, &w) }
        if view.shows(.documents) { documents(model, &w) }
        w.endObject()
        return w.string + "\n"
    }

    static func table(_ items: [(key: String, count: Int)], _ w: inout JSONWriter) {
        w.beginObject()
        for item in items { w.member(item.key, item.count) }
        w.endObject()
    }

    static func quality(_ model: ReportModel, _ w: inout JSONWriter) {
        let q = model.quality
        w.key("quality")
        w.beginObject()
        w.member("records", q.records)
        w.member("error_records", q.errorRecords)
        w.member("numbers_without_value", q.numbersWithoutValue)
        w.key("repairs"); table(q.repairs.byCount, &w)
        w.key("flags"); table(q.flags.byCount, &w)
        w.member("cooccurrence_pairs_dropped_at_most", model.cooccurrenceDroppedAtMost)
        w.endObject()
    }

    static func entities(_ model: ReportModel, _ w: inout JSONWriter) {
        w.key("entities")
        w.beginArray()
        for group in model.groups {
            w.comma()
            w.beginObject()
            w.member("type", group.type)
            w.member("distinct", group.distinct)
            w.member("mentions", group.mentions)
            w.key("rows")
            w.beginArray()
            for r in group.rows {
                w.comma()
                w.beginObject()
                w.member("entity", r.key.norm)
                w.member("mentions", r.mentions)
                w.member("documents", r.documents)
                w.key("forms"); table(r.forms, &w)
                w.key("roles"); table(r.roles, &w)
                if let first = r.first { first.write(key: "first", to: &w) }
                w.key("cooccurring")
                w.beginArray()
                for p in r.partners {
                    w.comma()
                    w.beginObject()
                    w.member("type", p.key.type)
                    w.member("entity", p.key.norm)
                    w.member("paragraphs", p.count)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    static func numbers(_ model: ReportModel, _ w: inout JSONWriter) {
        w.key("numbers")
        w.beginArray()
        for n in model.numbers {
            w.comma()
            w.beginObject()
            w.member("kind", n.key.kind)
            w.member("unit", n.key.unit)
            w.member("count", n.count)
            w.member("exact", n.exact)
            w.member("approx", n.approx)
            w.member("ranged", n.ranged)
            if n.sumOverflow { w.member("sum_overflow", true) } else if n.exact > 0 { w.member("sum", n.sum) }
            if let m = n.min { w.member("min", m) }
            if let m = n.max { w.member("max", m) }
            w.member("documents", n.documents)
            w.endObject()
        }
        w.endArray()
    }

    static func documents(_ model: ReportModel, _ w: inout JSONWriter) {
        w.key("documents_table")
        w.beginArray()
        for d in model.documentRows {
            w.comma()
            w.beginObject()
            w.member("doc", d.id)
            w.member("paragraphs", d.counters.records)
            w.member("mentions", d.counters.mentions)
            w.member("distinct_entities", d.distinctEntities)
            w.key("mentions_by_type")
            w.beginObject()
            for (type, n) in d.counters.mentionsByType.counts.sorted(by: { EntityTypeOrder.less($0.key, $1.key) }) { w.member(type, n) }
            w.endObject()
            w.member("numbers", d.counters.numbers)
            w.member("repairs", d.counters.repairs)
            w.member("flags", d.counters.flags)
            w.key("top")
            w.beginObject()
            for type in d.top.keys.sorted(by: EntityTypeOrder.less) {
                w.key(type)
                w.beginArray()
                for r in d.top[type]! {
                    w.comma()
                    w.beginObject()
                    w.member("entity", r.norm)
                    w.member("mentions", r.mentions)
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
    }
}

extension Appearance {
    /// Writes `"key": {doc, para, start, context}`: the one shape both the
    /// JSON report and the partial counts use.
    func write(key: String, to w: inout JSONWriter) {
        w.key(key)
        w.beginObject()
        w.member("doc", doc)
        w.member("para", para)
        w.member("start", start)
        w.member("context", context)
        w.endObject()
    }
}
