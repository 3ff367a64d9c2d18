/// The report as one self-contained HTML page: inline CSS, inline SVG bar
/// charts, no script and nothing fetched from the network.
///
/// Every input string goes through `Escape.html`. The page also carries a
/// Content-Security-Policy that allows no script at all, as a second line
/// of defence: a `<script>` in a scraped name can never run.
enum HTMLRenderer {
    static let colors = ["PER": "#3b6fb6", "LOC": "#3a9a5b", "ORG": "#c0762b", "DATE": "#7f63b8", "TIME": "#8c8c8c"]
    /// Bars per chart.
    static let chartRows = 15

    static func h(_ s: String) -> String { Escape.html(s) }

    static func render(_ model: ReportModel) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>zhpipe report</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>Entity report</h1>
        <p class="summary">\(h(Summary.line(model)))</p>

        """
        for section in ReportOptions.Section.allCases where model.options.view.shows(section) {
            switch section {
            case .entities: entities(model, &out)
            case .numbers: numbers(model, &out)
            case .documents: documents(model, &out)
            case .quality: quality(model, &out)
            }
        }
        out += "<footer>zhpipe report</footer>\n</body>\n</html>\n"
        return out
    }

    static let style = """
    body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
    h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
    .summary{color:#555}
    table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
    th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere;max-width:22em}
    th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
    .ctx{color:#555;font-size:.9em}
    svg.bars text{font-size:13px;fill:#222}svg.bars text.count{fill:#555}
    footer{margin-top:3em;color:#999;font-size:.8em}
    """

    static func cell(_ s: String, number: Bool = false) -> String {
        number ? "<td class=\"n\">\(s)</td>" : "<td>\(s)</td>"
    }

    static func table(_ header: [String], numeric: Set<Int>, _ rows: [[String]], _ out: inout String) {
        out += "<table>\n<thead><tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { cell($0.element, number: numeric.contains($0.offset)) }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
    }

    static func listed(_ items: [(key: String, count: Int)]) -> String {
        items.map { "\(h($0.key)) (\($0.count))" }.joined(separator: ", ")
    }

    static func entities(_ model: ReportModel, _ out: inout String) {
        for group in model.groups {
            let anchor = "type-" + group.type.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(String.init).joined()
            out += "<section id=\"\(h(anchor))\">\n<h2>\(h(Summary.title(of: group.type)))</h2>\n"
            out += "<p>\(group.distinct) distinct, \(group.mentions) mentions\(group.rows.count < group.distinct ? "; the top \(group.rows.count) shown" : "").</p>\n"
            let bars = group.rows.prefix(chartRows).map { (label: $0.key.norm, value: $0.mentions) }
            out += BarChart.svg(bars, color: colors[group.type] ?? "#5a7d8c", title: "\(Summary.title(of: group.type)): mentions")
            let rows = group.rows.map { r -> [String] in
                var first = ""
                if let f = r.first { first = "\(h(f.doc)) ¶\(f.para)<br><span class=\"ctx\">…\(h(f.context))…</span>" }
                return [h(r.key.norm), String(r.mentions), String(r.documents), listed(r.forms), listed(r.roles), first,
                        r.partners.map { "\(h($0.key.norm)) <small>\(h($0.key.type))</small> (\($0.count))" }.joined(separator: ", ")]
            }
            if !rows.isEmpty {
                table(["entity", "mentions", "docs", "forms", "roles", "first seen", "same paragraph as"], numeric: [1, 2], rows, &out)
            }
            out += "</section>\n"
        }
    }

    static func numbers(_ model: ReportModel, _ out: inout String) {
        out += "<section id=\"numbers\">\n<h2>Numbers</h2>\n"
        guard !model.numbers.isEmpty else { out += "<p>No numbers.</p>\n</section>\n"; return }
        let bars = model.numbers.sorted { a, b in a.count != b.count ? a.count > b.count : NumberKey.less(a.key, b.key) }
            .prefix(chartRows).map { (label: $0.key.unit.isEmpty ? $0.key.kind : "\($0.key.kind) · \($0.key.unit)", value: $0.count) }
        out += BarChart.svg(Array(bars), color: "#5a7d8c", title: "Numbers per kind and unit")
        let rows = model.numbers.map { n -> [String] in
            [h(n.key.kind), h(n.key.unit), String(n.count), String(n.exact), String(n.approx), String(n.ranged),
             h(Summary.sum(n)), n.min?.description ?? "", n.max?.description ?? "", String(n.documents)]
        }
        table(["kind", "unit", "count", "exact", "approx", "ranged", "sum (exact)", "min", "max", "docs"], numeric: Set(2...9), rows, &out)
        out += "</section>\n"
    }

    static func documents(_ model: ReportModel, _ out: inout String) {
        out += "<section id=\"documents\">\n<h2>Documents</h2>\n"
        let shown = model.documentRows
        if shown.count < model.documentCount {
            out += "<p>The first \(shown.count) of \(model.documentCount) documents; <code>--by doc</code> lists them all.</p>\n"
        }
        let rows = shown.map { d -> [String] in
            let m = d.counters.mentionsByType.counts
            func top(_ type: String) -> String { (d.top[type] ?? []).map { "\(h($0.norm)) (\($0.mentions))" }.joined(separator: ", ") }
            return [h(d.id), String(d.counters.records), String(d.counters.mentions), String(m["PER"] ?? 0), String(m["LOC"] ?? 0), String(m["ORG"] ?? 0),
                    String(d.counters.numbers), String(d.counters.repairs), String(d.counters.flags), top("PER"), top("LOC"), top("ORG")]
        }
        table(["doc", "paragraphs", "mentions", "PER", "LOC", "ORG", "numbers", "repairs", "flags", "top people", "top places", "top organisations"], numeric: Set(1...8), rows, &out)
        out += "</section>\n"
    }

    static func quality(_ model: ReportModel, _ out: inout String) {
        out += "<section id=\"quality\">\n<h2>Input quality</h2>\n"
        let rows = QualityRows.rows(model).map { [h($0.0.replacingAll("_", with: " ")), h($0.1), String($0.2)] }
        table(["counter", "kind", "count"], numeric: [2], rows, &out)
        out += "</section>\n"
    }
}

/// A horizontal bar chart as inline SVG: one labelled bar per item, the
/// longest bar the largest value.
enum BarChart {
    static let width = 720
    static let labelWidth = 200
    static let rowHeight = 24
    static let maxLabel = 14

    static func svg(_ items: [(label: String, value: Int)], color: String, title: String) -> String {
        guard !items.isEmpty else { return "" }
        let top = max(1, items.map(\.value).max() ?? 1)
        let barSpace = width - labelWidth - 60
        let height = items.count * rowHeight + 8
        var out = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title>\(Escape.html(title))</title>\n"
        for (i, item) in items.enumerated() {
            let y = 4 + i * rowHeight
            let w = max(2, item.value * barSpace / top)
            out += "<g><title>\(Escape.html(item.label)): \(item.value)</title>"
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(Escape.html(shortened(item.label)))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" rx=\"2\" fill=\"\(color)\"/>"
            out += "<text class=\"count\" x=\"\(labelWidth + w + 6)\" y=\"\(y + 16)\">\(item.value)</text></g>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func shortened(_ label: String) -> String {
        let scalars = Array(label.unicodeScalars)
        guard scalars.count > maxLabel else { return label }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(maxLabel - 1))
        return String(view) + "…"
    }
}
