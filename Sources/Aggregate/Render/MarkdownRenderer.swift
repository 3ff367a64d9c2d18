/// The report as Markdown tables, ready to paste into a README or an issue.
///
/// Every string from the input goes through `Escape.markdown`, so a name
/// can neither break a table nor become a link, image or HTML.
enum MarkdownRenderer {
    static func render(_ model: ReportModel) -> String {
        var out = "# Entity report\n\n"
        out += Summary.line(model) + "\n"
        for section in ReportOptions.Section.allCases where model.options.view.shows(section) {
            switch section {
            case .entities: entities(model, &out)
            case .numbers: numbers(model, &out)
            case .documents: documents(model, &out)
            case .quality: quality(model, &out)
            }
        }
        return out
    }

    static func e(_ s: String) -> String { Escape.markdown(s) }

    static func table(_ header: [String], align: String, _ rows: [[String]], _ out: inout String) {
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + align.map { $0 == "r" ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        out += "\n"
    }

    static func listed(_ items: [(key: String, count: Int)]) -> String {
        items.map { "\(e($0.key)) (\($0.count))" }.joined(separator: ", ")
    }

    static func entities(_ model: ReportModel, _ out: inout String) {
        for group in model.groups {
            out += "\n## \(e(Summary.title(of: group.type)))\n\n"
            out += "\(group.distinct) distinct, \(group.mentions) mentions"
            out += group.rows.count < group.distinct ? "; the top \(group.rows.count) shown.\n\n" : ".\n\n"
            guard !group.rows.isEmpty else { continue }
            let rows = group.rows.map { r -> [String] in
                var first = ""
                if let f = r.first { first = "\(e(f.doc)) ¶\(f.para): …\(e(f.context))…" }
                return [
                    e(r.key.norm), String(r.mentions), String(r.documents), listed(r.forms), listed(r.roles), first,
                    r.partners.map { "\(e($0.key.norm)) (\($0.count))" }.joined(separator: ", "),
                ]
            }
            table(["entity", "mentions", "docs", "forms", "roles", "first seen", "same paragraph as"], align: "lrrllll", rows, &out)
        }
    }

    static func numbers(_ model: ReportModel, _ out: inout String) {
        out += "\n## Numbers\n\n"
        guard !model.numbers.isEmpty else { out += "No numbers.\n\n"; return }
        let rows = model.numbers.map { n -> [String] in
            [e(n.key.kind), e(n.key.unit), String(n.count), String(n.exact), String(n.approx), String(n.ranged),
             Summary.sum(n), n.min?.description ?? "", n.max?.description ?? "", String(n.documents)]
        }
        table(["kind", "unit", "count", "exact", "approx", "ranged", "sum (exact)", "min", "max", "docs"], align: "llrrrrrrrr", rows, &out)
    }

    static func documents(_ model: ReportModel, _ out: inout String) {
        out += "\n## Documents\n\n"
        let shown = model.documentRows
        if shown.count < model.documentCount {
            out += "The first \(shown.count) of \(model.documentCount) documents; `--by doc` lists them all.\n\n"
        }
        let rows = shown.map { d -> [String] in
            let m = d.counters.mentionsByType.counts
            return [e(d.id), String(d.counters.records), String(d.counters.mentions), String(m["PER"] ?? 0), String(m["LOC"] ?? 0), String(m["ORG"] ?? 0),
                    String(d.counters.numbers), String(d.counters.repairs), String(d.counters.flags),
                    (d.top["PER"] ?? []).map { "\(e($0.norm)) (\($0.mentions))" }.joined(separator: ", ")]
        }
        table(["doc", "paragraphs", "mentions", "PER", "LOC", "ORG", "numbers", "repairs", "flags", "top people"], align: "lrrrrrrrrl", rows, &out)
    }

    static func quality(_ model: ReportModel, _ out: inout String) {
        out += "\n## Input quality\n\n"
        let rows = QualityRows.rows(model).map { [e($0.0.replacingAll("_", with: " ")), e($0.1), String($0.2)] }
        table(["counter", "kind", "count"], align: "llr", rows, &out)
    }
}

/// Wording shared by the Markdown and HTML reports.
enum Summary {
    static func title(of type: String) -> String {
        switch type {
        case "PER": return "People (PER)"
        case "LOC": return "Places (LOC)"
        case "ORG": return "Organisations (ORG)"
        case "DATE": return "Dates (DATE)"
        case "TIME": return "Times (TIME)"
        default: return type
        }
    }

    static func line(_ model: ReportModel) -> String {
        let q = model.quality
        var s = "\(model.documentCount) \(model.documentCount == 1 ? "document" : "documents"), \(q.records) records"
        s += " (\(q.errorRecords) error \(q.errorRecords == 1 ? "record" : "records")), \(model.mentionTotal) entity mentions"
        s += ", \(model.groups.reduce(0) { $0 + $1.distinct }) distinct entities."
        if model.cooccurrenceDroppedAtMost > 0 {
            s += " Co-occurrence lists are approximate: pairs seen at most \(model.cooccurrenceDroppedAtMost) times were dropped to bound memory."
        }
        return s + "\n"
    }

    /// The exact sum, or a dash where a sum means nothing (dates, percentages) or there were no exact values.
    static func sum(_ n: NumberTally) -> String {
        if !ReportModel.isAdditive(n.key.kind) || n.exact == 0 { return "—" }
        return n.sumOverflow ? "overflow" : n.sum.description
    }
}
