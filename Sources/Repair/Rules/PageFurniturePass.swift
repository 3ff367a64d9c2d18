import Lexicon
import Script

/// Moves page furniture out of the text into `RepairNotes.furniture`: the
/// lines a web page wraps an article in (breadcrumbs, "view full version"
/// links, site names, post ids and timestamps, the original title) and the
/// credit lines (byline, reporter, editor, photographer, source).
///
/// Each line is recognised by the vocabulary of Chinese web page chrome
/// (首页, 当前位置, 责任编辑, 原标题, 通讯员, 摄影, 来源 ...) and its shape (short,
/// standing alone), matched on the Simplified form so Traditional pages
/// work too (`FurnitureLine`). Bylines and credits are data, not noise: they
/// are kept, with their kind, in the furniture list (the repair stage writes
/// it into the record), and the removal is recorded as a repair.
///
/// Only on evidence: clean text holds credit-like lines too (a newspaper's
/// `（本报记者…摄）` under a photo, a date line, a heading of three
/// characters), so those move only where a page puts its furniture (the
/// first or last few lines) or when the document shows page chrome
/// elsewhere (a navigation link, an editor line, a breadcrumb, a copyright
/// line); a site name, a page number and a bracketed credit need the chrome.
/// HTML or XML source is left alone: its lines are markup, not paragraphs.
struct PageFurniturePass: RepairPass {
    let name = "page-furniture"
    let normalizer: ScriptNormalizer
    /// Lines at each end of a document where furniture stands.
    var edgeLines = 4

    func run(on text: inout TextUnderRepair, notes: inout RepairNotes) {
        let survey = text.survey()
        guard survey.classes.contains(.lineBreak), !survey.isMarkup else { return }
        let s = text.scalars
        let lines = RuleEditing.lines(s).filter { line in s[line].contains { !RuleEditing.isBlank($0) } }
        guard lines.count >= 2 else { return }
        var found: [(index: Int, line: Range<Int>, kind: String)] = []
        var values: [UInt32] = []
        for (index, line) in lines.enumerated() {
            let trimmed = RuleEditing.trimmed(line, s)
            // Furniture lines are short (the longest kind, a breadcrumb, is under 120 characters).
            guard trimmed.count <= 120 else { continue }
            // Past 40 characters only a few kinds remain, each with a telltale start or separator.
            if trimmed.count > 40, index > 0, !Self.longLineStarts.contains(s[trimmed.lowerBound].value),
               !s[trimmed].contains(where: { FurnitureLine.breadcrumbSeparators.contains(normalizer.normalize(value: $0.value)) }) {
                continue
            }
            values.removeAll(keepingCapacity: true)
            for c in s[trimmed] { values.append(c.value) }
            normalizer.normalize(values: &values)
            let position = Position(index: index, count: lines.count)
            if let kind = FurnitureLine.kind(of: values, at: position) {
                found.append((index, line, kind + (FurnitureLine.isBracketed(values) ? "/bracketed" : "")))
            }
        }
        guard !found.isEmpty else { return }
        let chrome = found.contains { FurnitureLine.chromeKinds.contains($0.kind) }
        var edits: [TextUnderRepair.Edit] = []
        var moved: [(kind: String, text: String)] = []
        for item in found {
            var kind = item.kind
            let bracketed = kind.hasSuffix("/bracketed")
            if bracketed { kind.removeLast("/bracketed".count) }
            let atEdge = item.index < edgeLines || item.index >= lines.count - edgeLines
            let move: Bool
            switch kind {
            case _ where FurnitureLine.chromeKinds.contains(kind): move = true
            case "site-name", "page-number": move = chrome
            case "debris": move = atEdge || chrome
            default: move = bracketed ? chrome : (atEdge || chrome)
            }
            guard move else { continue }
            if kind == "breadcrumb-like" { kind = "breadcrumb" }
            let line = item.line
            moved.append((kind, RuleEditing.string(s[RuleEditing.trimmed(line, s)])))
            // The line and its line break go.
            let end = line.upperBound < s.count ? (s[line.upperBound] == "\r" ? line.upperBound + 2 : line.upperBound + 1) : line.upperBound
            let start = end == line.upperBound && line.lowerBound > 0 ? line.lowerBound - 1 : line.lowerBound
            let range = start..<min(end, s.count)
            if let last = edits.last, last.range.upperBound >= range.lowerBound {
                // Furniture lines one after another: one edit.
                edits[edits.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, range.upperBound)
            } else {
                edits.append(.init(range: range, replacement: [], kind: name, confidence: 0.9))
            }
        }
        guard !edits.isEmpty else { return }
        // Furniture closing the text: the line break before it goes too.
        if let last = edits.last, last.range.upperBound == s.count {
            var start = last.range.lowerBound
            while start > 0, s[start - 1] == "\n" || s[start - 1] == "\r" { start -= 1 }
            if edits.count < 2 || edits[edits.count - 2].range.upperBound <= start { edits[edits.count - 1].range = start..<last.range.upperBound }
        }
        RuleEditing.apply(edits, to: &text, notes: &notes)
        notes.furniture.append(contentsOf: moved)
    }

    static let longLineStarts = ScalarSet(characters: "原首當当您你所位查返打关關上下分扫掃收加点點浏瀏阅閱字手电電网網相【[")

    /// Where a line stands among the document's non-blank lines.
    struct Position {
        var index: Int
        var count: Int
        var isFirst: Bool { index == 0 }
        var isNearEnd: Bool { index >= count - 3 }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and ideographic spaces.
    func trimmingBlanks() -> String {
        let scalars = Array(unicodeScalars)
        return RuleEditing.string(scalars[RuleEditing.trimmed(0..<scalars.count, scalars)])
    }
}
