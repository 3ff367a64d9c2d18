import Records

/// Writes a `ReportCounts` as partial counts: JSON lines that `zhpipe merge`
/// reads back (see `PartialFormat`).
///
/// Every list is sorted (entities and pairs by key, documents by id), so the
/// same counts always give the same bytes.
public enum PartialWriter {
    public static func write(_ counts: ReportCounts, to out: inout [UInt8]) {
        counts.endOfInput()
        line(&out) { w in
            w.member(PartialFormat.headerKey, PartialFormat.headerValue)
            w.member("version", PartialFormat.version)
        }
        line(&out) { w in
            w.key("quality")
            w.beginObject()
            w.member("records", counts.quality.records)
            w.member("error_records", counts.quality.errorRecords)
            w.member("numbers_without_value", counts.quality.numbersWithoutValue)
            w.key("repairs"); table(counts.quality.repairs, &w)
            w.key("flags"); table(counts.quality.flags, &w)
            w.member("cooccurrence_dropped_at_most", counts.cooccurrence.droppedAtMost)
            w.endObject()
        }
        let order = counts.entities.indices.sorted { EntityKey.less(counts.entities[$0].key, counts.entities[$1].key) }
        for i in order {
            let e = counts.entities[i]
            line(&out) { w in
                w.member("entity", e.key.type)
                w.member("norm", e.key.norm)
                w.member("mentions", e.mentions)
                w.member("documents", e.documents)
                w.key("forms"); table(e.forms, &w)
                w.key("roles"); table(e.roles, &w)
                if let first = e.first { first.write(key: "first", to: &w) }
            }
        }
        var pairs: [(a: EntityKey, b: EntityKey, count: Int)] = counts.cooccurrence.pairs.map { key, n in
            let (x, y) = CooccurrenceTable.split(key)
            let kx = counts.entities[Int(x)].key, ky = counts.entities[Int(y)].key
            return EntityKey.less(kx, ky) ? (kx, ky, n) : (ky, kx, n)
        }
        pairs.sort { p, q in p.a != q.a ? EntityKey.less(p.a, q.a) : EntityKey.less(p.b, q.b) }
        for p in pairs {
            line(&out) { w in
                w.key("pair")
                w.beginArray()
                for s in [p.a.type, p.a.norm, p.b.type, p.b.norm] { w.comma(); w.append(s) }
                w.endArray()
                w.member("count", p.count)
            }
        }
        for n in counts.numbers.sorted(by: { NumberKey.less($0.key, $1.key) }) {
            line(&out) { w in
                w.member("number", n.key.kind)
                w.member("unit", n.key.unit)
                w.member("count", n.count)
                w.member("exact", n.exact)
                w.member("approx", n.approx)
                w.member("ranged", n.ranged)
                w.member("documents", n.documents)
                if n.sumOverflow { w.member("sum_overflow", true) } else { w.member("sum", n.sum) }
                if let m = n.min { w.member("min", m) }
                if let m = n.max { w.member("max", m) }
            }
        }
        for id in counts.documents.keys.sorted(by: ByteOrder.less) {
            let d = counts.documents[id]!
            line(&out) { w in
                w.member("doc", d.id)
                counters(d.counters, &w)
                w.member("distinct_entities", d.distinctEntities)
                w.key("top")
                w.beginObject()
                for type in d.top.keys.sorted(by: EntityTypeOrder.less) {
                    w.key(type)
                    w.beginArray()
                    for r in d.top[type]! {
                        w.comma(); w.beginArray(); w.comma(); w.append(r.norm); w.comma(); w.append(r.mentions); w.endArray()
                    }
                    w.endArray()
                }
                w.endObject()
            }
        }
        for id in counts.open.keys.sorted(by: ByteOrder.less) {
            let d = counts.open[id]!
            line(&out) { w in
                w.member("open_doc", d.id)
                counters(d.counters, &w)
                let held = d.entityMentions.map { (counts.entities[Int($0.key)].key, $0.value) }.sorted { EntityKey.less($0.0, $1.0) }
                w.key("entities")
                w.beginArray()
                for (key, n) in held {
                    w.comma(); w.beginArray()
                    w.comma(); w.append(key.type); w.comma(); w.append(key.norm); w.comma(); w.append(n)
                    w.endArray()
                }
                w.endArray()
                let groups = d.numberGroups.map { counts.numbers[Int($0)].key }.sorted(by: NumberKey.less)
                w.key("number_groups")
                w.beginArray()
                for g in groups {
                    w.comma(); w.beginArray(); w.comma(); w.append(g.kind); w.comma(); w.append(g.unit); w.endArray()
                }
                w.endArray()
            }
        }
    }

    static func line(_ out: inout [UInt8], _ body: (inout JSONWriter) -> Void) {
        var w = JSONWriter()
        w.beginObject()
        body(&w)
        w.endObject()
        out.append(contentsOf: w.bytes)
        out.append(0x0A)
    }

    static func table(_ table: CountTable, _ w: inout JSONWriter) {
        w.beginObject()
        for (key, n) in table.byName { w.member(key, n) }
        w.endObject()
    }

    static func counters(_ c: DocumentCounters, _ w: inout JSONWriter) {
        w.member("records", c.records)
        w.member("numbers", c.numbers)
        w.member("repairs", c.repairs)
        w.member("flags", c.flags)
        w.key("mentions")
        w.beginObject()
        for (type, n) in c.mentionsByType.counts.sorted(by: { EntityTypeOrder.less($0.key, $1.key) }) { w.member(type, n) }
        w.endObject()
    }
}

/// The partial-count file: JSON lines, one header line
/// `{"zhpipe":"report-partial","version":1}` and then one line per quality
/// block, entity, co-occurring pair, number group, closed document and open
/// document. Files may be concatenated (each keeps its header).
public enum PartialFormat {
    public static let headerKey = "zhpipe"
    public static let headerValue = "report-partial"
    public static let version = 1
}
