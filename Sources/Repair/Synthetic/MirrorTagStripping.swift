/// A page's HTML through the mirror: the page as a CMS writes it, then the
/// mirror's byte damage, then its tag stripping.
///
/// The page: paragraphs in `<p>…</p>`, the first line in `<strong>`, some
/// paragraphs indented with `&nbsp;` (as Chinese CMSs do), on some pages the
/// quotes written as `&ldquo;` `&rdquo;`, and a few words inside inline tags
/// (`<strong>`, `<span>`, `<b>`). The mirror: the bytes
/// (optionally pinyin-annotated) split and decoded by the swallowing
/// decoder, folded, and then every complete tag stripped (PHP's
/// `strip_tags`): only tags whose `<` a bad lead byte swallowed survive
/// (`?/p>`), and the entities, which `strip_tags` does not decode, stay.
public struct MirrorTagStripping: DamageMechanism {
    public var name: String { annotate ? "mirror-html-annotated" : "mirror-html" }
    let tools: MirrorTools
    /// Also annotate with pinyin before decoding (the full mirror chain).
    var annotate = false

    static let inlineTags: [(String, String)] = [("<strong>", "</strong>"), ("<span>", "</span>"), ("<b>", "</b>"), ("<em>", "</em>")]

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        let indent = rng.chance(0.5)
        let quoteEntities = rng.chance(0.3)
        var html: [Unicode.Scalar] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { html.append("\n") }
            guard !line.isEmpty else { continue }
            let (open, close) = index == 0 ? ("<p><strong>", "</strong></p>") : ("<p>", "</p>")
            html.append(contentsOf: open.unicodeScalars)
            if indent && index > 0 || indent && rng.chance(0.5) { html.append(contentsOf: "&nbsp;&nbsp;&nbsp;&nbsp;".unicodeScalars) }
            var body = Array(line.unicodeScalars)
            // A few words inside inline tags.
            if body.count >= 12 && rng.chance(0.7) {
                let start = rng.int(in: 0..<(body.count - 6))
                let length = 2 + rng.int(in: 0..<4)
                let (o, c) = Self.inlineTags[rng.int(in: 0..<Self.inlineTags.count)]
                body.insert(contentsOf: c.unicodeScalars, at: start + length)
                body.insert(contentsOf: o.unicodeScalars, at: start)
            }
            for s in body {
                if quoteEntities && s == "“" { html.append(contentsOf: "&ldquo;".unicodeScalars) }
                else if quoteEntities && s == "”" { html.append(contentsOf: "&rdquo;".unicodeScalars) }
                else { html.append(s) }
            }
            html.append(contentsOf: close.unicodeScalars)
        }
        var bytes = tools.encode(html)
        if annotate { bytes = tools.annotate(bytes, characters: tools.annotationList(html, count: 12, rng: &rng)) }
        let variant: MirrorDecoder.Variant = rng.chance(0.5) ? .mbstring : .mbstringDroppingOrphans
        let decoded = Array(tools.splitDecode(bytes, variant: variant).unicodeScalars)
        return String(String.UnicodeScalarView(Self.stripTags(decoded)))
    }

    /// The text without complete tags (`<` name ... `>` on one line).
    static func stripTags(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "<", let end = s[(i + 1)...].prefix(200).firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "\n" }), s[end] == ">" {
                i = end + 1
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
