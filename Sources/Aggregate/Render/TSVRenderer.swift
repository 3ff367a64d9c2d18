/// The report as one TSV table with a header line and fixed columns, for
/// spreadsheets, pandas (`read_csv(sep="\t")`) and DuckDB.
///
/// A TSV file holds one table, so `--by` picks it: entities (default),
/// documents, number groups or quality counters. Columns never depend on the
/// data (document tables list PER, LOC, ORG, DATE, TIME and "other").
enum TSVRenderer {
    static let entityColumns = ["type", "entity", "mentions", "documents", "forms", "roles", "first_doc", "first_para", "first_context", "cooccurring"]
    static let documentColumns = ["doc", "paragraphs", "mentions", "distinct_entities", "PER", "LOC", "ORG", "DATE", "TIME", "other", "numbers", "repairs", "flags", "top_PER", "top_LOC", "top_ORG"]
    static let numberColumns = ["kind", "unit", "count", "exact", "approx", "ranged", "sum", "min", "max", "documents"]
    static let qualityColumns = ["counter", "kind", "count"]

    static func render(_ model: ReportModel) -> String {
        // Rows are written as UTF-8 bytes (appending to a String costs
        // hundreds of instructions a cell) and made a String once.
        var out: [UInt8] = []
        func row(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: "\t")) }
                out.append(contentsOf: cell.utf8)
            }
            out.append(UInt8(ascii: "\n"))
        }
        switch model.options.view {
        case .entity:
            row(entityColumns)
            for group in model.groups {
                for r in group.rows {
                    row([
                        Escape.tsv(r.key.type), Escape.tsv(r.key.norm), String(r.mentions), String(r.documents),
                        Escape.tsv(counted(r.forms)), Escape.tsv(counted(r.roles)),
                        Escape.tsv(r.first?.doc ?? ""), r.first.map { String($0.para) } ?? "", Escape.tsv(r.first?.context ?? ""),
                        Escape.tsv(r.partners.map { "\($0.key.type):\($0.key.norm) \($0.count)" }.joined(separator: "; ")),
                    ])
                }
            }
        case .doc:
            row(documentColumns)
            for d in model.documentRows {
                let m = d.counters.mentionsByType
                let known = ["PER", "LOC", "ORG", "DATE", "TIME"]
                let other = m.counts.filter { !known.contains($0.key) }.values.reduce(0, +)
                var cells = [Escape.tsv(d.id), String(d.counters.records), String(d.counters.mentions), String(d.distinctEntities)]
                cells += known.map { String(m.counts[$0] ?? 0) }
                cells += [String(other), String(d.counters.numbers), String(d.counters.repairs), String(d.counters.flags)]
                cells += ["PER", "LOC", "ORG"].map { Escape.tsv(ranked(d.top[$0] ?? [])) }
                row(cells)
            }
        case .number:
            row(numberColumns)
            for n in model.numbers {
                row([
                    Escape.tsv(n.key.kind), Escape.tsv(n.key.unit), String(n.count), String(n.exact), String(n.approx), String(n.ranged),
                    n.sumOverflow ? "overflow" : (n.exact > 0 ? n.sum.description : ""),
                    n.min?.description ?? "", n.max?.description ?? "", String(n.documents),
                ])
            }
        case .quality:
            row(qualityColumns)
            for (counter, kind, count) in QualityRows.rows(model) { row([counter, Escape.tsv(kind), String(count)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "郑伟 3; 鄭偉 2"
    static func counted(_ items: [(key: String, count: Int)]) -> String {
        items.map { "\($0.key) \($0.count)" }.joined(separator: "; ")
    }

    static func ranked(_ items: [DocumentSummary.Ranked]) -> String {
        items.map { "\($0.norm) \($0.mentions)" }.joined(separator: "; ")
    }
}

/// The quality counters as (counter, kind, count) rows, in a fixed order.
enum QualityRows {
    static func rows(_ model: ReportModel) -> [(String, String, Int)] {
        let q = model.quality
        var rows: [(String, String, Int)] = [
            ("records", "", q.records),
            ("error_records", "", q.errorRecords),
            ("documents", "", model.documentCount),
            ("entity_mentions", "", model.mentionTotal),
            ("numbers_without_value", "", q.numbersWithoutValue),
        ]
        rows += q.repairs.byCount.map { ("repairs", $0.key, $0.count) }
        rows += q.flags.byCount.map { ("flags", $0.key, $0.count) }
        if model.cooccurrenceDroppedAtMost > 0 {
            rows.append(("cooccurrence_pairs_dropped_at_most", "", model.cooccurrenceDroppedAtMost))
        }
        return rows
    }
}
